package io.pcapoperator.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** tshark, for the tests that check pcap files against Wireshark's reading of them. */
public final class Tshark {
  private Tshark() {}

  /** Skips the test where tshark is not installed; CI installs it, and there it must be found. */
  public static void assumeInstalled() {
    assumeTrue(
        onPath("tshark") || System.getenv("CI") != null,
        "tshark is not installed (apt-get install tshark); CI installs it");
  }

  /**
   * What {@code tshark -r file arguments...} prints; fails the test on an exit code other than 0 or
   * any word on stderr but the notice that tshark runs as root (as in CI and containers), which is
   * no word about the file.
   */
  public static String read(Path file, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tshark", "-r", file.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + ": " + err).isZero();
    assertThat(lines(err))
        .as("stderr of tshark")
        .allMatch(l -> l.startsWith("Running as user \"root\""));
    return out;
  }

  /** The lines of {@code text} that are not blank. */
  public static List<String> lines(String text) {
    return text.lines().filter(l -> !l.isBlank()).toList();
  }

  /** Whether {@code program} is an executable on the PATH. */
  public static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
