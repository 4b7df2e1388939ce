package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
