package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamedContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Shell completion for {@code kubectl pcap}, in the protocol of kubectl's plugin completion
 * (kubectl 1.26+): kubectl runs {@code kubectl_complete-pcap} with the words typed after {@code
 * kubectl pcap}, the last one the word being completed, and reads the candidates, one a line, then
 * Cobra's directive ({@code :4}: no file names; {@code :0}: the shell's own, file names). Offers
 * commands, flags, capture names, namespaces and contexts; a cluster that cannot be asked leaves
 * its candidates out, silently.
 */
final class PluginCompletion {
  /** The first argument of the plugin that asks for completion instead of running a command. */
  static final String COMMAND = "__complete";

  private static final String NO_FILES = ":4";
  private static final String FILES = ":0";
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final CommandLine root;

  /** Completion of the commands of {@code root}. */
  PluginCompletion(CommandLine root) {
    this.root = root;
  }

  /** The lines to print for {@code words}: candidates, then the directive. */
  List<String> complete(List<String> words) {
    String current = words.isEmpty() ? "" : words.get(words.size() - 1);
    Typed typed = Typed.read(root, words.subList(0, Math.max(0, words.size() - 1)));
    List<String> lines = new ArrayList<>();
    String directive = NO_FILES;
    if (typed.pendingOption() != null) {
      String option = typed.pendingOption().longestName();
      switch (option) {
        case "--namespace" ->
            lines.addAll(names(typed, c -> c.client().namespaces().list().getItems()));
        case "--context" -> lines.addAll(contexts(typed));
        case "--output", "--kubeconfig" -> directive = FILES;
        default -> {
          Iterable<String> values = typed.pendingOption().completionCandidates();
          if (values != null) {
            values.forEach(lines::add);
          }
        }
      }
    } else if (current.startsWith("-")) {
      typed.command().getCommandSpec().options().stream()
          .filter(o -> !o.hidden())
          .forEach(o -> lines.addAll(List.of(o.names())));
    } else if (typed.positionals() == 0 && !visibleSubcommands(typed.command()).isEmpty()) {
      lines.addAll(visibleSubcommands(typed.command()));
    } else if (typed.positionals() == 0 && typed.command().getCommand() instanceof NamesACapture) {
      lines.addAll(names(typed, c -> c.captures().inNamespace(c.namespace()).list().getItems()));
    }
    List<String> candidates = new ArrayList<>();
    lines.stream().filter(l -> l.startsWith(current)).distinct().forEach(candidates::add);
    candidates.add(directive);
    return candidates;
  }

  private static List<String> visibleSubcommands(CommandLine command) {
    List<String> names = new ArrayList<>();
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()
                  && name.equals(sub.getCommandName())) {
                names.add(name);
              }
            });
    return names;
  }

  private static List<String> names(
      Typed typed, Function<Cluster, List<? extends HasMetadata>> list) {
    return quietly(
        () -> {
          try (Cluster cluster = typed.clusterFlags().connect(TIMEOUT)) {
            return list.apply(cluster).stream().map(r -> r.getMetadata().getName()).toList();
          }
        });
  }

  private static List<String> contexts(Typed typed) {
    return quietly(
        () ->
            new ClusterFlags(typed.kubeconfig(), null, null)
                .config().getContexts().stream().map(NamedContext::getName).toList());
  }

  private static List<String> quietly(Supplier<List<String>> candidates) {
    try {
      return candidates.get();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  /**
   * What the words before the one being completed say: the command they reach, how many of its
   * arguments are given, the option still waiting for its value, and the values of the flags given.
   */
  private record Typed(
      CommandLine command,
      int positionals,
      OptionSpec pendingOption,
      Map<String, String> flagValues) {

    static Typed read(CommandLine root, List<String> words) {
      CommandLine command = root;
      int positionals = 0;
      OptionSpec pending = null;
      Map<String, String> values = new HashMap<>();
      for (String word : words) {
        if (pending != null) {
          values.put(pending.longestName(), word);
          pending = null;
        } else if (word.startsWith("-") && word.length() > 1) {
          int equals = word.indexOf('=');
          OptionSpec option =
              command.getCommandSpec().findOption(equals < 0 ? word : word.substring(0, equals));
          if (option != null && equals >= 0) {
            values.put(option.longestName(), word.substring(equals + 1));
          } else if (option != null && option.arity().min() > 0) {
            pending = option;
          }
        } else if (positionals == 0 && command.getSubcommands().containsKey(word)) {
          command = command.getSubcommands().get(word);
        } else {
          positionals++;
        }
      }
      return new Typed(command, positionals, pending, values);
    }

    Path kubeconfig() {
      String file = flagValues.get("--kubeconfig");
      return file == null ? null : Path.of(file);
    }

    ClusterFlags clusterFlags() {
      return new ClusterFlags(
          kubeconfig(), flagValues.get("--context"), flagValues.get("--namespace"));
    }
  }
}
