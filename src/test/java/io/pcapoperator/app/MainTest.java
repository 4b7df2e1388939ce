package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int main(Map<String, String> env, String... args) {
    return Main.run(
        List.of(args),
        env,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpListsTheCommandsAndEachCommandsFlagsWithDefaultAndEnvironment() {
    assertThat(main(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: pcap-operator", "run ", "dev ", "help ", "--version");
    out.reset();

    assertThat(main(Map.of(), "run", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: pcap-operator run")
        .contains("--cloudflare-base-url", "Default: https://api.cloudflare.com/client/v4.")
        .contains("Environment: CLOUDFLARE_BASE_URL.", "Environment: WATCH_NAMESPACES.")
        .contains("Default: 8080. Environment: PCAP_HTTP_PORT.");
    out.reset();

    assertThat(main(Map.of(), "dev", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: pcap-operator dev")
        .contains("--time-scale", "Default: 60. Environment: PCAP_DEV_TIME_SCALE.")
        .contains("--simulator-api-key", "Default: dev-api-key.")
        .contains("--fault-error-rate", "--fault-latency");
    out.reset();

    assertThat(main(Map.of(), "help", "dev")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: pcap-operator dev");
  }

  @Test
  void everyCommandPrintsTheProjectVersion() {
    for (List<String> command :
        List.of(List.of("--version"), List.of("run", "--version"), List.of("dev", "-V"))) {
      out.reset();
      assertThat(main(Map.of(), command.toArray(String[]::new))).as("%s", command).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8))
          .as("%s", command)
          .matches("pcap-operator \\d+\\.\\d+\\.\\d+\\S*\\R");
    }
  }

  @Test
  void noCommandPrintsTheUsageAndIsAUsageError() {
    assertThat(main(Map.of())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: pcap-operator", "dev ");
  }

  @Test
  void unknownCommandsFlagsAndBadValuesAreUsageErrorsOfOneLine() {
    Map<List<String>, String> errors =
        Map.of(
            List.of("devv"),
            "pcap-operator: unknown command devv (did you mean dev?); see pcap-operator --help",
            List.of("dev", "--speed", "3"),
            "pcap-operator: unknown flag --speed; see pcap-operator dev --help",
            List.of("dev", "--time-scale", "fast"),
            "pcap-operator: --time-scale fast: not a number above 0",
            List.of("dev", "--time-scale=-2"),
            "pcap-operator: --time-scale -2: not a number above 0",
            List.of("dev", "--samples", "/no/such/dir"),
            "pcap-operator: --samples /no/such/dir: not a directory (none for no samples)",
            List.of("dev", "--fault-error-rate", "1.5"),
            "pcap-operator: --fault-error-rate 1.5: not a share from 0 to 1",
            List.of("run", "--request-timeout", "soon"),
            "pcap-operator: --request-timeout soon:"
                + " not a duration above 0 such as 60s, 5m, 1h or PT60S",
            List.of("run", "--leader-election=maybe"),
            "pcap-operator: --leader-election maybe: not true or false",
            List.of("dev", "--plain-http", "yes"),
            "pcap-operator: --plain-http yes: not true or false");
    errors.forEach(
        (command, expected) -> {
          err.reset();
          assertThat(main(Map.of(), command.toArray(String[]::new))).as("%s", command).isEqualTo(2);
          assertOneLine(expected);
        });
  }

  @Test
  void aBadValueFromTheEnvironmentNamesTheVariable() {
    assertThat(main(Map.of("PCAP_API_BUDGET", "lots"), "run")).isEqualTo(2);
    assertOneLine(
        "pcap-operator: --api-budget lots (from PCAP_API_BUDGET): not a whole number above 0");
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorOfOneLineNamingTheFlag() {
    List<List<String>> commands =
        List.of(
            List.of("dev", "--kube-port", "99999"),
            List.of("dev", "--simulator-port", "70000"),
            List.of("dev", "--s3-port", "65536"),
            List.of("dev", "--http-port", "-1"),
            List.of("run", "--http-port", "99999"));
    for (List<String> command : commands) {
      err.reset();
      String flag = command.get(1);
      String port = command.get(2);

      assertThat(main(Map.of(), command.toArray(String[]::new))).as("%s", command).isEqualTo(2);

      assertOneLine(
          "pcap-operator: " + flag + " " + port + ": not a port (0-65535, 0 for any free port)");
    }
  }

  @Test
  void aPortInUseFailsTheCommandWithOneLineNamingTheFlag(@TempDir Path tmp) throws IOException {
    for (String flag : List.of("--kube-port", "--simulator-port", "--s3-port", "--http-port")) {
      try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
        err.reset();
        String port = Integer.toString(taken.getLocalPort());
        List<String> args =
            new ArrayList<>(
                List.of(
                    "dev",
                    "--samples",
                    "none",
                    "--kubeconfig",
                    tmp.resolve("kubeconfig").toString(),
                    "--kube-port",
                    "0",
                    "--s3-port",
                    "0"));
        args.addAll(List.of(flag, port));

        assertThat(main(Map.of(), args.toArray(String[]::new))).as(flag).isEqualTo(1);

        assertOneLine("pcap-operator: " + flag + " " + port + ": address already in use");
      }
    }
  }

  /** Standard error is exactly {@code expected}, one line, with no stack trace. */
  private void assertOneLine(String expected) {
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(expected);
  }

  @Test
  void runSettingsComeFromFlagsThenEnvironmentThenDefaults() {
    OperatorSettings settings =
        OperatorFlags.parse(
            List.of("--max-poll-interval", "2m", "--leader-election", "--api-budget=600"),
            Map.of(
                "WATCH_NAMESPACES", "netops, edge",
                "CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/client/v4",
                "PCAP_MAX_POLL_INTERVAL", "30s",
                "PCAP_LEADER_ELECTION", "false",
                "POD_NAMESPACE", "pcap-system"));

    assertThat(settings.namespaces()).isEqualTo(Set.of("netops", "edge"));
    assertThat(settings.cloudflareBaseUrl()).isEqualTo("http://127.0.0.1:9/client/v4");
    assertThat(settings.maxPollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.leaderElection()).isTrue();
    assertThat(settings.leaseNamespace()).contains("pcap-system");
    assertThat(settings.apiBudget()).isEqualTo(600);
  }

  @Test
  void defaultsAreTheDeclaredOnesAndBlankVariablesAreUnset() {
    OperatorSettings defaults = OperatorSettings.defaults();

    assertThat(defaults.cloudflareBaseUrl()).isEqualTo(OperatorSettings.CLOUDFLARE_BASE_URL);
    assertThat(defaults.namespaces()).isEmpty();
    assertThat(defaults.maxPollInterval()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.leaderElection()).isTrue();
    assertThat(defaults.leaseNamespace()).isEmpty();
    assertThat(defaults.apiBudget()).isEqualTo(1200);
    assertThat(
            OperatorFlags.parse(List.of(), Map.of("WATCH_NAMESPACES", "", "PCAP_API_BUDGET", " ")))
        .isEqualTo(defaults);
  }

  @Test
  void durationsAcceptUnitsAndIso8601() {
    assertThat(OperatorFlags.parse(List.of("--request-timeout=PT45S"), Map.of()).requestTimeout())
        .isEqualTo(Duration.ofSeconds(45));
    assertThat(OperatorFlags.parse(List.of("--request-timeout", "5m"), Map.of()).requestTimeout())
        .isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> OperatorFlags.parse(List.of("--namespaces"), Map.of()))
        .hasMessageContaining("--namespaces");
  }
}
