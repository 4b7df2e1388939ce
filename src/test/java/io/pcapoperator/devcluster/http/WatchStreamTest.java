package io.pcapoperator.devcluster.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How a watch event goes on the wire. */
class WatchStreamTest {

  @Test
  void anEventIsOneLineOfAsciiThatReadsAsTheSameJson() throws IOException {
    ObjectNode event = Json.MAPPER.createObjectNode().put("type", "MODIFIED");
    ObjectNode metadata = event.putObject("object").putObject("metadata");
    metadata.put("name", "cloudflare-api");
    metadata
        .putObject("annotations")
        .put("owner", "José")
        .put("note", "ñ ✗ 😀 \u0000 \"quoted\"")
        .put("ünïcode-kéy", "value");
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    WatchStream.send(out, event);

    byte[] bytes = out.toByteArray();
    // Latin-1 maps each byte to one char, so that any byte beyond ASCII would show.
    assertThat(new String(bytes, StandardCharsets.ISO_8859_1))
        .matches("[\\x20-\\x7e]+\n")
        .contains("Jos\\u00E9");
    assertThat(Json.MAPPER.readTree(bytes)).isEqualTo(event);
  }
}
