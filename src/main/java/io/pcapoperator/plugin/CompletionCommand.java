package io.pcapoperator.plugin;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap completion bash}: a bash completion script for the {@code kubectl-pcap}
 * command. Completion after {@code kubectl pcap} comes from {@code kubectl_complete-pcap} instead,
 * which kubectl runs itself.
 */
@Command(
    name = "completion",
    description = {
      "Print a bash (or zsh, with bashcompinit) completion script for the kubectl-pcap command:",
      "  source <(kubectl pcap completion bash)",
      "kubectl 1.26+ completes kubectl pcap itself when kubectl_complete-pcap is on the PATH."
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "The shell: bash.")
  private String shell;

  @Override
  public Integer call() {
    if (!shell.equals("bash")) {
      throw new ParameterException(
          spec.commandLine(),
          "unsupported shell \"" + shell + "\": only bash (zsh runs it with bashcompinit)");
    }
    spec.commandLine().getOut().print(AutoComplete.bash("kubectl-pcap", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
