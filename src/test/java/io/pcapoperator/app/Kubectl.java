package io.pcapoperator.app;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The real kubectl binary, run against one kubeconfig, as a user runs it in a terminal. */
final class Kubectl {
  private static final long TIMEOUT_SECONDS = 120;

  /** What one kubectl command did. */
  record Result(int exitCode, String out, String err) {
    /** The command's output, failing with everything it printed when it did not exit 0. */
    String ok() {
      if (exitCode != 0) {
        throw new AssertionError("kubectl exited " + exitCode + ": " + err + out);
      }
      return out;
    }
  }

  private final Path kubeconfig;
  private final Path workDir;

  /**
   * A kubectl of {@code kubeconfig}, run in {@code workDir}, whose caches live beside the
   * kubeconfig rather than in the user's home.
   */
  Kubectl(Path kubeconfig, Path workDir) {
    this.kubeconfig = kubeconfig;
    this.workDir = workDir;
  }

  /** Whether a kubectl binary is on the PATH. */
  static boolean installed() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, "kubectl"))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code kubectl args} to its end. */
  Result run(String... args) {
    return run(Map.of(), args);
  }

  /** Runs {@code kubectl args} to its end with extra environment variables. */
  Result run(Map<String, String> env, String... args) {
    try {
      Path out = Files.createTempFile("kubectl", ".out");
      Path err = Files.createTempFile("kubectl", ".err");
      Process process =
          builder(env, args)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
      }
      Result result = new Result(process.exitValue(), Files.readString(out), Files.readString(err));
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

  /** Starts a long-running {@code kubectl args}, such as a watch, whose lines arrive in order. */
  Streaming stream(String... args) {
    try {
      Process process = builder(Map.of(), args).redirectErrorStream(true).start();
      return new Streaming(process);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ProcessBuilder builder(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add("kubectl");
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toString());
    builder.environment().put("KUBECACHEDIR", kubeconfig.resolveSibling("kube-cache").toString());
    builder.environment().putAll(env);
    return builder;
  }

  /** A running kubectl whose output lines are collected as they come. */
  static final class Streaming implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private Streaming(Process process) {
      this.process = process;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader in =
                    new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  in.lines().forEach(lines::add);
                } catch (IOException | UncheckedIOException ended) {
                  // The process was stopped.
                }
              },
              "kubectl-output");
      reader.setDaemon(true);
      reader.start();
    }

    /** Lines printed so far and up to {@code seconds} more, until one contains {@code text}. */
    List<String> linesUntil(String text, long seconds) throws InterruptedException {
      List<String> seen = new ArrayList<>();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null) {
          seen.add(line);
          if (line.contains(text)) {
            return seen;
          }
        }
      }
      throw new AssertionError("no line with " + text + " within " + seconds + " s: " + seen);
    }

    @Override
    public void close() {
      process.destroy();
    }
  }
}
