package io.pcapoperator.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.bridge.SLF4JBridgeHandler;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code pcap-operator} command: {@code run} against a cluster, {@code dev} on a laptop. Exits
 * 0 on success, 2 on a usage error (one line naming the flag, the value and the rule), 1 when the
 * command fails (a port a flag gave cannot be bound, say), 130 when interrupted.
 */
@Command(
    name = "pcap-operator",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A Kubernetes operator for Cloudflare Magic Transit packet captures.")
public final class Main implements Callable<Integer> {
  private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

  @Spec private CommandSpec spec;

  private Main() {}

  /** Runs the command named by the first argument and exits with its status. */
  public static void main(String[] args) {
    // The embedded API server logs through java.util.logging; route it to the configured backend.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    System.exit(run(Arrays.asList(args), System.getenv(), System.out, System.err));
  }

  /** Runs a command until it ends or the JVM is asked to shut down; its exit status. */
  static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) {
    CountDownLatch done = new CountDownLatch(1);
    try {
      return execute(args, env, out, err, stopOnShutdown(done));
    } finally {
      done.countDown();
    }
  }

  /**
   * Runs a command with flag defaults from {@code env}; {@code run} and {@code dev} stop when
   * {@code stop} counts down.
   */
  static int execute(
      List<String> args,
      Map<String, String> env,
      PrintStream out,
      PrintStream err,
      CountDownLatch stop) {
    PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8);
    CommandLine cli =
        new CommandLine(new Main())
            .addSubcommand(new RunCommand(out, stop))
            .addSubcommand(new DevCommand(out, stop))
            .addSubcommand(new HelpCommand())
            .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
            .setErr(errWriter)
            .setParameterExceptionHandler((e, given) -> usageError(e, List.of(given)))
            .setExecutionExceptionHandler(Main::failure);
    int status = configure(cli, env).execute(args.toArray(String[]::new));
    errWriter.flush();
    return status;
  }

  /**
   * {@code cli} with flag defaults read from {@code env} and described in its help; a flag given
   * twice takes its last value.
   */
  static CommandLine configure(CommandLine cli, Map<String, String> env) {
    EnvironmentDefaults.describe(cli);
    return cli.setDefaultValueProvider(new EnvironmentDefaults(env))
        .setOverwrittenOptionsAllowed(true);
  }

  /** No command given: the usage, on standard error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return spec.exitCodeOnInvalidInput();
  }

  private static int usageError(ParameterException e, List<String> given) {
    e.getCommandLine().getErr().println("pcap-operator: " + problem(e, given));
    return e.getCommandLine().getCommandSpec().exitCodeOnInvalidInput();
  }

  /** What is wrong with the command line, in one line that names the flag and the rule. */
  private static String problem(ParameterException e, List<String> given) {
    CommandLine command = e.getCommandLine();
    if (e instanceof UnmatchedArgumentException unmatched) {
      String arg = unmatched.getUnmatched().get(0);
      int at = given.indexOf(arg);
      OptionSpec before = at > 0 ? command.getCommandSpec().findOption(given.get(at - 1)) : null;
      if (before != null && before.arity().min() == 0) {
        // Only the boolean flags take an optional value.
        return before.longestName() + " " + arg + ": not true or false";
      }
      String what =
          arg.startsWith("-")
              ? "unknown flag "
              : command.getSubcommands().isEmpty() ? "unexpected argument " : "unknown command ";
      List<String> suggestions = unmatched.getSuggestions();
      return what
          + arg
          + (suggestions.isEmpty()
              ? ""
              : " (did you mean " + String.join(" or ", suggestions) + "?)")
          + "; see "
          + command.getCommandSpec().qualifiedName()
          + " --help";
    }
    if (e.getArgSpec() instanceof OptionSpec option
        && e.getValue() != null
        && e.getCause() instanceof TypeConversionException rule) {
      boolean onCommandLine =
          given.stream()
              .anyMatch(
                  a ->
                      Arrays.stream(option.names())
                          .anyMatch(n -> a.equals(n) || a.startsWith(n + "=")));
      String source =
          onCommandLine
              ? ""
              : EnvironmentDefaults.variable(option).map(v -> " (from " + v + ")").orElse("");
      return option.longestName() + " " + e.getValue() + source + ": " + rule.getMessage();
    }
    return e.getMessage();
  }

  private static int failure(Exception e, CommandLine command, ParseResult parsed)
      throws Exception {
    if (e instanceof OneLineFailure) {
      command.getErr().println("pcap-operator: " + e.getMessage());
      return command.getCommandSpec().exitCodeOnExecutionException();
    }
    if (interrupted(e)) {
      Thread.currentThread().interrupt();
      return 130;
    }
    throw e;
  }

  /**
   * Whether the command ended because its thread was interrupted, wherever the interrupt landed: in
   * a wait, or in a client call that wrapped it.
   */
  private static boolean interrupted(Throwable e) {
    if (Thread.currentThread().isInterrupted()) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof InterruptedIOException
          || t instanceof ClosedByInterruptException) {
        return true;
      }
    }
    return false;
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

  /** The project version, written into the jar at build time. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        properties.load(in);
      }
      return new String[] {"pcap-operator " + properties.getProperty("version")};
    }
  }
}
