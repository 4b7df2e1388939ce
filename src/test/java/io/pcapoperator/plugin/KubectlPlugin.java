package io.pcapoperator.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real kubectl with {@code bin/} on its PATH, as a user who installed the plugin runs it: the
 * plugin runs from this test JVM's classpath ({@code PCAP_PLUGIN_CLASSPATH}), against one
 * kubeconfig and one Cloudflare API.
 */
final class KubectlPlugin {
  private static final long TIMEOUT_SECONDS = 120;

  /** What one command did; standard output kept as bytes too, for downloads to it. */
  record Result(int exitCode, byte[] stdout, String err) {
    /** Standard output as text. */
    String out() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    /** Standard output, failing with everything printed when the command did not exit 0. */
    String ok() {
      if (exitCode != 0) {
        throw new AssertionError("exited " + exitCode + ": " + err + out());
      }
      return out();
    }
  }

  private final Path kubeconfig;
  private final String cloudflareBaseUrl;

  KubectlPlugin(Path kubeconfig, String cloudflareBaseUrl) {
    this.kubeconfig = kubeconfig;
    this.cloudflareBaseUrl = cloudflareBaseUrl;
  }

  /** Whether a kubectl binary is on the PATH. */
  static boolean kubectlInstalled() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code kubectl args} in {@code workDir} to its end. */
  Result run(Path workDir, String... args) {
    return run(workDir, null, args);
  }

  /** Runs {@code kubectl args} in {@code workDir} with {@code stdin} as its input. */
  Result run(Path workDir, Path stdin, String... args) {
    return exec(workDir, stdin, Map.of(), args);
  }

  /** Runs {@code kubectl args} in {@code workDir} with more environment variables. */
  Result runWith(Path workDir, Map<String, String> environment, String... args) {
    return exec(workDir, null, environment, args);
  }

  private Result exec(Path workDir, Path stdin, Map<String, String> more, String... args) {
    List<String> command = new ArrayList<>(List.of("kubectl"));
    command.addAll(List.of(args));
    return exec(workDir, stdin, more, command);
  }

  /**
   * Runs {@code bin/kubectl_complete-pcap words} as kubectl 1.26+ runs it to complete {@code
   * kubectl pcap words}.
   */
  Result complete(Path workDir, String... words) {
    List<String> command =
        new ArrayList<>(List.of(Path.of("bin/kubectl_complete-pcap").toAbsolutePath().toString()));
    command.addAll(List.of(words));
    return exec(workDir, null, Map.of(), command);
  }

  /** Whether this kubectl completes plugins through their completion programs (1.26 and later). */
  boolean completesPlugins(Path workDir) throws IOException {
    JsonNode version =
        new ObjectMapper()
            .readTree(run(workDir, "version", "--client", "-o", "json").ok())
            .path("clientVersion");
    int minor = Integer.parseInt(version.path("minor").asText().replaceAll("\\D", ""));
    return version.path("major").asInt() > 1 || minor >= 26;
  }

  private Result exec(Path workDir, Path stdin, Map<String, String> more, List<String> command) {
    try {
      Path out = Files.createTempFile("kubectl-pcap", ".out");
      Path err = Files.createTempFile("kubectl-pcap", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(workDir.toFile())
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(stdin == null ? Path.of("/dev/null").toFile() : stdin.toFile());
      builder.environment().putAll(environment());
      builder.environment().remove("AWS_ACCESS_KEY_ID");
      builder.environment().remove("AWS_SECRET_ACCESS_KEY");
      builder.environment().putAll(more);
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish");
      }
      Result result =
          new Result(process.exitValue(), Files.readAllBytes(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Map<String, String> environment() {
    return Map.of(
        "PATH",
        Path.of("bin").toAbsolutePath() + ":" + System.getenv().getOrDefault("PATH", ""),
        "KUBECONFIG",
        kubeconfig.toString(),
        "KUBECACHEDIR",
        kubeconfig.resolveSibling("kube-cache").toString(),
        "PCAP_PLUGIN_CLASSPATH",
        System.getProperty("java.class.path"),
        "CLOUDFLARE_BASE_URL",
        cloudflareBaseUrl);
  }
}
