package io.pcapoperator.devcluster.tables;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellTextTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void valuesPrintAsGoPrintsThem() throws Exception {
    assertThat(GoText.of(MAPPER.readTree("1000000.0"))).isEqualTo("1e+06");
    assertThat(GoText.of(MAPPER.readTree("123456.5"))).isEqualTo("123456.5");
    assertThat(GoText.of(MAPPER.readTree("0.00001"))).isEqualTo("1e-05");
    assertThat(GoText.of(MAPPER.readTree("3.0"))).isEqualTo("3");
    assertThat(GoText.of(MAPPER.readTree("true"))).isEqualTo("true");
    assertThat(GoText.of(MAPPER.readTree("null"))).isEqualTo("<no value>");
    assertThat(GoText.of(MAPPER.readTree("{\"b\":1000000.0,\"a\":[\"<x>\"]}")))
        .isEqualTo("{\"a\":[\"\\u003cx\\u003e\"],\"b\":1000000}");
  }

  @Test
  void agesFollowKubesTwoDurationFormats() {
    assertThat(Ages.shortAge(Duration.ofSeconds(59))).isEqualTo("59s");
    assertThat(Ages.shortAge(Duration.ofMinutes(150))).isEqualTo("2h");
    assertThat(Ages.shortAge(Duration.ofDays(400))).isEqualTo("1y");
    assertThat(Ages.humanAge(Duration.ofSeconds(119))).isEqualTo("119s");
    assertThat(Ages.humanAge(Duration.ofSeconds(330))).isEqualTo("5m30s");
    assertThat(Ages.humanAge(Duration.ofMinutes(252))).isEqualTo("4h12m");
    assertThat(Ages.humanAge(Duration.ofHours(76))).isEqualTo("3d4h");
    Instant now = Instant.parse("2026-01-01T01:00:00Z");
    assertThat(Ages.dateCell("2026-01-01T00:00:00Z", now)).isEqualTo("1h");
    assertThat(Ages.dateCell("2026-01-01T00:00:30+00:00", now)).isEqualTo("59m");
    assertThat(Ages.dateCell("", now)).isEqualTo("<unknown>");
    assertThat(Ages.dateCell("yesterday", now)).isEqualTo("<invalid>");
  }
}
