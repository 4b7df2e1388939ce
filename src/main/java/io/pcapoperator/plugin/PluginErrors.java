package io.pcapoperator.plugin;

import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * How {@code kubectl pcap} reports what went wrong, as kubectl does: {@code error: ...} in one line
 * on standard error and exit status 1; a usage error adds where to find the command's help.
 */
final class PluginErrors {
  /** The exit status of every error. */
  static final int EXIT_ERROR = 1;

  private PluginErrors() {}

  /** A command line that does not parse. */
  static int usageError(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    command.getErr().println("error: " + problem(e));
    command
        .getErr()
        .println("See '" + command.getCommandSpec().qualifiedName() + " --help' for usage.");
    return EXIT_ERROR;
  }

  /** A command that failed. */
  static int failure(Exception e, CommandLine command, ParseResult parsed) {
    command.getErr().println("error: " + message(e));
    return EXIT_ERROR;
  }

  private static String message(Exception e) {
    if (e instanceof PluginFailure) {
      return e.getMessage();
    }
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static String problem(ParameterException e) {
    if (e instanceof MissingParameterException missing) {
      List<ArgSpec> args = missing.getMissing();
      if (args.stream().allMatch(ArgSpec::isOption)) {
        return "required flag(s) "
            + args.stream()
                .map(a -> ((OptionSpec) a).longestName())
                .collect(Collectors.joining(", "))
            + " not set";
      }
      return args.stream().map(ArgSpec::paramLabel).collect(Collectors.joining(", "))
          + " is required";
    }
    if (e instanceof UnmatchedArgumentException unmatched) {
      String arg = unmatched.getUnmatched().get(0);
      if (arg.startsWith("-")) {
        return "unknown flag: " + arg;
      }
      return e.getCommandLine().getSubcommands().isEmpty()
          ? "unexpected argument \"" + arg + "\""
          : "unknown command \""
              + arg
              + "\" for \""
              + e.getCommandLine().getCommandSpec().qualifiedName()
              + "\"";
    }
    return e.getMessage();
  }
}
