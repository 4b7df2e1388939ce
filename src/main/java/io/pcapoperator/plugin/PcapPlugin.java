package io.pcapoperator.plugin;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap}, the kubectl plugin of the pcap-operator: download, summarise, list and
 * create PacketCaptures. As kubectl does, it exits 0 on success and 1 on any error, usage errors
 * included, with {@code error: ...} on standard error. {@code bin/kubectl-pcap} runs it.
 */
@Command(
    name = "kubectl pcap",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = PluginVersion.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Download, summarise, list and create Cloudflare Magic Transit packet captures"
          + " (PacketCaptures of the pcap-operator).",
      "The cluster and namespace are chosen as kubectl chooses them: --kubeconfig, KUBECONFIG,"
          + " --context, -n."
    })
public final class PcapPlugin implements Callable<Integer> {
  /** Logback reads this property first: the plugin logs warnings to standard error only. */
  private static final String LOGBACK_CONFIGURATION = "logback.configurationFile";

  @Mixin private final ClusterFlags clusterFlags;

  @Spec private CommandSpec spec;

  private PcapPlugin(ClusterFlags clusterFlags) {
    this.clusterFlags = clusterFlags;
  }

  /** Runs the command that {@code args} name and exits with its status. */
  public static void main(String[] args) {
    if (System.getProperty(LOGBACK_CONFIGURATION) == null) {
      System.setProperty(LOGBACK_CONFIGURATION, "io/pcapoperator/plugin/logback.xml");
    }
    System.exit(run(Arrays.asList(args), System.out, System.err));
  }

  /** Runs a command, or answers shell completion; its exit status. */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    CommandLine cli = commandLine(out, err);
    if (!args.isEmpty() && args.get(0).equals(PluginCompletion.COMMAND)) {
      new PluginCompletion(cli).complete(args.subList(1, args.size())).forEach(out::println);
      out.flush();
      return 0;
    }
    int status = cli.execute(args.toArray(String[]::new));
    cli.getOut().flush();
    cli.getErr().flush();
    return status;
  }

  /** The command tree, printing to {@code out} and {@code err}. */
  static CommandLine commandLine(PrintStream out, PrintStream err) {
    ClusterFlags clusterFlags = new ClusterFlags();
    CommandLine create =
        new CommandLine(new CreateCommand())
            .addSubcommand(new CreateSimpleCommand(clusterFlags))
            .addSubcommand(new CreateFullCommand(clusterFlags));
    return new CommandLine(new PcapPlugin(clusterFlags))
        .addSubcommand(new DownloadCommand(clusterFlags, out))
        .addSubcommand(new SummaryCommand(clusterFlags))
        .addSubcommand(new ListCommand(clusterFlags, Clock.systemUTC()))
        .addSubcommand(create)
        .addSubcommand(new CompletionCommand())
        .addSubcommand(new HelpCommand())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setOut(new PrintWriter(out, true, StandardCharsets.UTF_8))
        .setErr(new PrintWriter(err, true, StandardCharsets.UTF_8))
        .setParameterExceptionHandler(PluginErrors::usageError)
        .setExecutionExceptionHandler(PluginErrors::failure);
  }

  /** No command given: the usage, as kubectl prints its help. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
