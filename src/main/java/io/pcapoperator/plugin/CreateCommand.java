package io.pcapoperator.plugin;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code kubectl pcap create simple|full NAME}: the parent of the two create commands. */
@Command(
    name = "create",
    synopsisSubcommandLabel = "(simple | full)",
    description = {
      "Create a capture from flags; --dry-run prints it as YAML instead.",
      "The API server checks every value against the CRD; the required flags are checked first."
    })
final class CreateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  /** No type given: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "name the type of capture: kubectl pcap create simple|full NAME");
  }
}
