package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.testing.ManualClock;
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
    assumeTrue(
        onPath("tshark") || System.getenv("CI") != null,
        "tshark is not installed (apt-get install tshark); CI installs it");
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

    assertThat(run("tshark", "-r", file.toString(), "-q")).isEmpty();
    assertThat(expertInfo(file)).as("tshark's expert warnings and errors").isEmpty();
    List<String> rows =
        lines(
            run(
                "tshark",
                "-r",
                file.toString(),
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
    assertThat(
            lines(
                run(
                    "tshark",
                    "-r",
                    file.toString(),
                    "-Y",
                    "!(ip.dst == 203.0.113.7 && tcp.dstport == 443)")))
        .isEmpty();
  }

  @Test
  void anUnfilteredCaptureMixesTcpUdpAndIcmpThatTsharkAndTcpdumpReadWithoutAWarning()
      throws Exception {
    Path file =
        download(
            "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":60,"
                + "\"packet_limit\":300}");

    assertThat(expertInfo(file)).as("tshark's expert warnings and errors").isEmpty();
    String protocols = run("tshark", "-r", file.toString(), "-T", "fields", "-e", "ip.proto");
    assertThat(lines(protocols)).hasSize(300).contains("6", "17", "1");
    if (onPath("tcpdump")) {
      String tcpdump = runWithStderr("tcpdump", "-nn", "-r", file.toString());
      assertThat(lines(tcpdump))
          .filteredOn(l -> !l.contains(" IP "))
          .allMatch(l -> l.startsWith("reading from file"));
    }
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
    List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString(), "-q"));
    for (String option : CHECKSUMS_ON.split(" ")) {
      command.add(option);
    }
    command.addAll(List.of("-z", "expert,warn"));
    return lines(run(command.toArray(String[]::new))).stream()
        .filter(l -> l.matches("^\\s*\\d+\\s+.*") || l.contains("Warns") || l.contains("Errors"))
        .toList();
  }

  private static String run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
    // tshark run as root (CI, containers) says so on stderr: that is no word about the file.
    assertThat(lines(err))
        .as("stderr of " + command[0])
        .allMatch(l -> l.startsWith("Running as user \"root\""));
    return out;
  }

  private static String runWithStderr(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
