package io.pcapoperator.simulator;

import static io.pcapoperator.testing.Tshark.lines;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.testing.ManualClock;
import io.pcapoperator.testing.Tshark;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's pcap files are what tshark and tcpdump take for a real capture: valid headers and
 * checksums, only packets that match the filter, stamped inside the window the request looked at.
 * Runs wherever tshark is installed; CI installs it, and there it must be found.
 */
class PcapFileReadByTsharkTest {
  private static final String[] TOKEN = {
    "Authorization", "Bearer dev-token", "Content-Type", "application/json"
  };
  private static final String PCAPS = "/client/v4/accounts/023e105f4ecef8ad9ca31a8372d0c353/pcaps";
  private static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");
  private static final String CHECKSUMS_ON =
      "-o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE -o udp.check_checksum:TRUE";

  private final ManualClock clock = new ManualClock(NOW);
  private PcapSimulator simulator;
  private RawClient client;
  @TempDir Path dir;

  @BeforeEach
  void start() {
    Tshark.assumeInstalled();
    simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0);
    client = new RawClient(simulator);
  }

  @AfterEach
  void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @Test
  void aFilteredCaptureHoldsOnlyMatchingPacketsInsideItsWindowWithValidChecksums()
      throws Exception {
    Instant offset = NOW.minus(Duration.ofHours(2));
    Path file =
        download(
            "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":120,"
                + "\"packet_limit\":200,\"offset_time\":\""
                + offset
                + "\",\"filter_v1\":{\"destination_address\":\"203.0.113.7\","
                + "\"destination_port\":443,\"protocol\":6}}");

    assertThat(Tshark.read(file, "-q")).isEmpty();
    assertThat(expertInfo(file)).as("tshark's expert warnings and errors").isEmpty();
    List<String> rows =
        lines(
            Tshark.read(
                file,
                "-T",
                "fields",
                "-E",
                "separator=,",
                "-e",
                "frame.time_epoch",
                "-e",
                "ip.dst",
                "-e",
                "tcp.dstport",
                "-e",
                "ip.proto"));
    assertThat(rows).hasSize(200);
    for (String row : rows) {
      String[] f = row.split(",");
      double at = Double.parseDouble(f[0]);
      assertThat(at)
          .isBetween(
              (double) offset.minusSeconds(120).getEpochSecond(), (double) offset.getEpochSecond());
      assertThat(f[1]).isEqualTo("203.0.113.7");
      assertThat(f[2]).isEqualTo("443");
      assertThat(f[3]).isEqualTo("6");
    }
    assertThat(lines(Tshark.read(file, "-Y", "!(ip.dst == 203.0.113.7 && tcp.dstport == 443)")))
        .isEmpty();
  }

  @Test
  void anUnfilteredCaptureMixesTcpUdpAndIcmpOverIpv4AndIpv6ThatTsharkAndTcpdumpReadWithoutAWarning()
      throws Exception {
    Path file =
        download(
            "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":60,"
                + "\"packet_limit\":300}");

    assertThat(expertInfo(file)).as("tshark's expert warnings and errors").isEmpty();
    String protocols =
        Tshark.read(file, "-T", "fields", "-e", "ip.proto", "-e", "ipv6.nxt", "-e", "ipv6.src");
    assertThat(lines(protocols).stream().map(String::strip))
        .hasSize(300)
        .contains("6", "17", "1")
        .anyMatch(l -> l.matches("6\\s+2001:db8:100::\\w+"))
        .anyMatch(l -> l.matches("17\\s+2001:db8:100::\\w+"));
    if (Tshark.onPath("tcpdump")) {
      String tcpdump = runWithStderr("tcpdump", "-nn", "-r", file.toString());
      assertThat(lines(tcpdump))
          .filteredOn(l -> !l.contains(" IP ") && !l.contains(" IP6 "))
          .allMatch(l -> l.startsWith("reading from file"));
    }
  }

  @Test
  void aCaptureFilteredByPortAloneMixesIpv4AndIpv6AndEveryPacketMatches() throws Exception {
    Path file =
        download(
            "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":60,"
                + "\"packet_limit\":100,\"filter_v1\":{\"destination_port\":53,\"protocol\":17}}");

    assertThat(expertInfo(file)).as("tshark's expert warnings and errors").isEmpty();
    assertThat(lines(Tshark.read(file, "-Y", "udp.dstport == 53"))).hasSize(100);
    assertThat(lines(Tshark.read(file, "-Y", "ipv6"))).hasSize(20);
  }

  private Path download(String request) throws IOException {
    HttpResponse<byte[]> created = client.send("POST", PCAPS, request, TOKEN);
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(200);
    String id = RawClient.json(created).get("result").get("id").asText();
    clock.advance(Duration.ofSeconds(5));
    JsonNode done = RawClient.json(client.send("GET", PCAPS + "/" + id, null, TOKEN));
    assertThat(done.get("result").get("status").asText()).isEqualTo("success");
    HttpResponse<byte[]> file = client.send("GET", PCAPS + "/" + id + "/download", null, TOKEN);
    assertThat(file.statusCode()).isEqualTo(200);
    Path out = dir.resolve(id + ".pcap");
    Files.write(out, file.body());
    return out;
  }

  /** tshark's expert items of severity warning or error, with every checksum checked. */
  private static List<String> expertInfo(Path file) throws Exception {
    List<String> arguments = new ArrayList<>(List.of("-q"));
    arguments.addAll(List.of(CHECKSUMS_ON.split(" ")));
    arguments.addAll(List.of("-z", "expert,warn"));
    return lines(Tshark.read(file, arguments.toArray(String[]::new))).stream()
        .filter(l -> l.matches("^\\s*\\d+\\s+.*") || l.contains("Warns") || l.contains("Errors"))
        .toList();
  }

  private static String runWithStderr(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
