package io.pcapoperator.app;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Flag defaults from an environment map: a flag annotated {@link EnvironmentVariable} takes that
 * variable's value when it is set and not blank, else the flag's declared {@code defaultValue}. The
 * map is passed in, so tests choose the environment.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  private final Map<String, String> env;

  EnvironmentDefaults(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    return variable(arg).map(env::get).filter(v -> !v.isBlank()).orElse(null);
  }

  /** The environment variable of {@code arg}, if it has one. */
  static Optional<String> variable(ArgSpec arg) {
    return arg.userObject() instanceof AnnotatedElement element
        ? Optional.ofNullable(element.getAnnotation(EnvironmentVariable.class))
            .map(EnvironmentVariable::value)
        : Optional.empty();
  }

  /**
   * Adds to the help of every flag of {@code command} and its subcommands a line with its declared
   * default and its environment variable, so that both are written only where the flag is.
   */
  static void describe(CommandLine command) {
    CommandSpec spec = command.getCommandSpec();
    for (OptionSpec option : List.copyOf(spec.options())) {
      String line = helpLine(option);
      if (!line.isEmpty()) {
        List<String> description = new ArrayList<>(List.of(option.description()));
        description.add(line);
        spec.remove(option);
        spec.addOption(option.toBuilder().description(description.toArray(String[]::new)).build());
      }
    }
    command.getSubcommands().values().forEach(EnvironmentDefaults::describe);
  }

  private static String helpLine(OptionSpec option) {
    List<String> parts = new ArrayList<>();
    if (option.defaultValue() != null) {
      parts.add("Default: " + option.defaultValue() + ".");
    }
    variable(option).ifPresent(name -> parts.add("Environment: " + name + "."));
    return String.join(" ", parts);
  }
}
