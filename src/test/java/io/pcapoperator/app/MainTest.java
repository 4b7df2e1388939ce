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
  void helpListsBothCommandsAndTheirFlags() {
    assertThat(main(Map.of(), "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(
            "run:", "dev:", "--cloudflare-base-url", "(env WATCH_NAMESPACES)", "--time-scale");
  }

  @Test
  void unknownCommandsAndFlagsAreUsageErrors() {
    assertThat(main(Map.of(), "launch")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("pcap-operator: unknown command launch");
    err.reset();
    assertThat(main(Map.of(), "dev", "--speed", "3")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("pcap-operator: unknown flag --speed");
    err.reset();
    assertThat(main(Map.of(), "dev", "--time-scale", "fast")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("pcap-operator: --time-scale must be a number, got fast");
    err.reset();
    assertThat(main(Map.of(), "dev", "--samples", "/no/such/dir")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("pcap-operator: --samples /no/such/dir is not a directory");
  }

  @Test
  void aPortOutOfRangeIsAUsageErrorOfOneLineNamingTheFlag() {
    List<List<String>> commands =
        List.of(
            List.of("dev", "--kube-port", "99999"),
            List.of("dev", "--simulator-port", "70000"),
            List.of("dev", "--http-port", "-1"),
            List.of("run", "--http-port", "99999"));
    for (List<String> command : commands) {
      err.reset();
      String flag = command.get(1);
      String port = command.get(2);

      assertThat(main(Map.of(), command.toArray(String[]::new))).as("%s", command).isEqualTo(2);

      assertNamesTheFlagOnce(
          flag,
          "pcap-operator: " + flag + " " + port + ": not a port (0-65535, 0 for any free port)");
    }
  }

  @Test
  void aPortInUseFailsTheCommandWithOneLineNamingTheFlag(@TempDir Path tmp) throws IOException {
    for (String flag : List.of("--kube-port", "--simulator-port", "--http-port")) {
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
                    "0"));
        args.addAll(List.of(flag, port));

        assertThat(main(Map.of(), args.toArray(String[]::new))).as(flag).isEqualTo(1);

        assertNamesTheFlagOnce(
            flag, "pcap-operator: " + flag + " " + port + ": address already in use");
      }
    }
  }

  /** Standard error is one line, naming the flag, and carries no stack trace. */
  private void assertNamesTheFlagOnce(String flag, String expected) {
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).filteredOn(l -> l.contains(flag)).containsExactly(expected);
    assertThat(lines).noneMatch(l -> l.contains("Exception") || l.strip().startsWith("at "));
  }

  @Test
  void runSettingsComeFromFlagsThenEnvironmentThenDefaults() {
    Options fromEnv =
        Options.parse(
            List.of("--max-poll-interval", "2m"),
            RunCommand.FLAGS,
            Map.of(
                "WATCH_NAMESPACES", "netops, edge",
                "CLOUDFLARE_BASE_URL", "http://127.0.0.1:9/client/v4",
                "PCAP_MAX_POLL_INTERVAL", "30s"));

    OperatorSettings settings = RunCommand.settings(fromEnv);

    assertThat(settings.namespaces()).isEqualTo(Set.of("netops", "edge"));
    assertThat(settings.cloudflareBaseUrl()).isEqualTo("http://127.0.0.1:9/client/v4");
    assertThat(settings.maxPollInterval()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(RunCommand.settings(Options.parse(List.of(), RunCommand.FLAGS, Map.of())))
        .isEqualTo(OperatorSettings.defaults());
  }

  @Test
  void durationsAcceptUnitsAndIso8601() {
    Options options = Options.parse(List.of("--request-timeout=PT45S"), RunCommand.FLAGS, Map.of());
    assertThat(options.getDuration("request-timeout", Duration.ZERO))
        .isEqualTo(Duration.ofSeconds(45));
    assertThatThrownBy(
            () ->
                Options.parse(List.of("--request-timeout", "soon"), RunCommand.FLAGS, Map.of())
                    .getDuration("request-timeout", Duration.ZERO))
        .hasMessage("--request-timeout must be a duration like 60s, got soon");
    assertThatThrownBy(() -> Options.parse(List.of("--namespaces"), RunCommand.FLAGS, Map.of()))
        .hasMessage("--namespaces needs a value");
  }
}
