package io.pcapoperator.app;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** The {@code pcap-operator} command: {@code run} against a cluster, {@code dev} on a laptop. */
public final class Main {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  private Main() {}

  /** Runs the command named by the first argument and exits with its status. */
  public static void main(String[] args) {
    // The embedded API server logs through java.util.logging; route it to the configured backend.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
  }

  /**
   * Runs a command; its exit status, 2 for a usage error (one line naming the flag) and 1 when a
   * port a flag gave cannot be bound.
   */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    if (args.isEmpty() || List.of("-h", "--help", "help").contains(args.get(0))) {
      out.print(usage());
      return args.isEmpty() ? 2 : 0;
    }
    List<String> rest = args.subList(1, args.size());
    CountDownLatch done = new CountDownLatch(1);
    try {
      return switch (args.get(0)) {
        case "run" ->
            new RunCommand(Options.parse(rest, RunCommand.FLAGS, env), out, stopOnShutdown(done))
                .call();
        case "dev" ->
            new DevCommand(Options.parse(rest, DevCommand.FLAGS, env), out, stopOnShutdown(done))
                .call();
        default -> throw new UsageException("unknown command " + args.get(0));
      };
    } catch (UsageException e) {
      err.println("pcap-operator: " + e.getMessage());
      err.println("run pcap-operator --help for the commands and their flags");
      return 2;
    } catch (PortUnavailableException e) {
      err.println("pcap-operator: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    } finally {
      done.countDown();
    }
  }

  /**
   * A latch that counts down when the JVM is asked to shut down (Ctrl-C, SIGTERM); the JVM then
   * waits up to {@link #SHUTDOWN_GRACE} for the command to close what it started ({@code done}).
   */
  private static CountDownLatch stopOnShutdown(CountDownLatch done) {
    CountDownLatch stop = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.countDown();
              try {
                done.await(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    return stop;
  }

  private static String usage() {
    return "usage: pcap-operator run|dev [flags]\n\n"
        + "run: reconcile PacketCaptures in the cluster of the current kubeconfig (or in-cluster)\n"
        + Options.describe(RunCommand.FLAGS)
        + "\ndev: run the operator on an embedded Kubernetes API and a Cloudflare simulator\n"
        + Options.describe(DevCommand.FLAGS);
  }
}
