package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pcapoperator.clock.ScaledClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Cloudflare's official TypeScript SDK (npm {@code cloudflare}, pinned in {@code
 * src/test/sdk/package.json}) runs {@code src/test/sdk/sdk-check.mjs} against the simulator: every
 * endpoint, both auth schemes and the error cases, as a client nobody here wrote sees them. CI
 * installs the SDK; elsewhere the test runs once {@code npm install} was run in that directory.
 */
class CloudflareSdkTest {
  private static final Path SDK_DIR = Path.of("src", "test", "sdk");

  @Test
  void theOfficialSdkFindsTheSimulatorFaithful() throws Exception {
    assumeTrue(
        Files.isDirectory(SDK_DIR.resolve("node_modules/cloudflare"))
            || System.getenv("CI") != null,
        "the SDK is not installed: run npm install --no-package-lock in src/test/sdk");
    SimulatorConfig config =
        SimulatorConfig.defaults().toBuilder()
            .credentials(Set.of("dev-token"), Map.of("ops@example.com", "global-key"))
            .build();
    try (PcapSimulator simulator = PcapSimulator.start(config, ScaledClock.startingNow(5), 0)) {
      ProcessBuilder node =
          new ProcessBuilder("node", "--test", "--test-reporter=spec", "sdk-check.mjs")
              .directory(SDK_DIR.toFile())
              .redirectErrorStream(true);
      node.environment().put("SIMULATOR_URL", simulator.baseUrl());
      Process process = node.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      System.out.println(output);

      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).contains("ℹ fail 0").containsPattern("ℹ pass (1[2-9]|[2-9][0-9])");
    }
  }
}
