package io.pcapoperator.app;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A command's {@code --name value} (or {@code --name=value}) flags, each with an environment
 * variable as fallback. Unknown flags and malformed values are errors that name the flag.
 */
final class Options {
  /** A flag a command accepts. */
  record Flag(String name, String envVar, String help) {}

  private final Map<String, String> values;
  private final Map<String, String> env;
  private final List<Flag> flags;

  private Options(Map<String, String> values, Map<String, String> env, List<Flag> flags) {
    this.values = values;
    this.env = env;
    this.flags = flags;
  }

  /** Parses {@code args} against {@code flags}. */
  static Options parse(List<String> args, List<Flag> flags, Map<String, String> env) {
    Set<String> known = flags.stream().map(Flag::name).collect(Collectors.toSet());
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (!arg.startsWith("--")) {
        throw new UsageException("unexpected argument " + arg);
      }
      String name = arg.substring(2);
      String value;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      } else if (i + 1 < args.size()) {
        value = args.get(++i);
      } else {
        throw new UsageException("--" + name + " needs a value");
      }
      if (!known.contains(name)) {
        throw new UsageException("unknown flag --" + name);
      }
      values.put(name, value);
    }
    return new Options(values, env, flags);
  }

  /** The flag's value, else its environment variable's, if either is set. */
  Optional<String> get(String name) {
    if (values.containsKey(name)) {
      return Optional.of(values.get(name));
    }
    return flags.stream()
        .filter(f -> f.name().equals(name) && f.envVar() != null)
        .map(f -> env.get(f.envVar()))
        .filter(v -> v != null && !v.isBlank())
        .findFirst();
  }

  String get(String name, String fallback) {
    return get(name).orElse(fallback);
  }

  int getInt(String name, int fallback) {
    return get(name)
        .map(v -> convert(name, v, Integer::parseInt, "a whole number"))
        .orElse(fallback);
  }

  /** A TCP port, 0 for any free one. */
  int getPort(String name, int fallback) {
    int port = getInt(name, fallback);
    if (port < 0 || port > 65535) {
      throw new UsageException(
          "--" + name + " " + port + ": not a port (0-65535, 0 for any free port)");
    }
    return port;
  }

  boolean getBoolean(String name, boolean fallback) {
    return get(name)
        .map(
            v -> {
              if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                throw new UsageException("--" + name + " must be true or false, got " + v);
              }
              return Boolean.parseBoolean(v);
            })
        .orElse(fallback);
  }

  double getDouble(String name, double fallback) {
    return get(name).map(v -> convert(name, v, Double::parseDouble, "a number")).orElse(fallback);
  }

  /** A duration such as {@code 60s}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT60S}. */
  Duration getDuration(String name, Duration fallback) {
    return get(name)
        .map(v -> convert(name, v, Options::duration, "a duration like 60s"))
        .orElse(fallback);
  }

  /** A comma-separated list, empty entries dropped. */
  Set<String> getSet(String name) {
    return get(name)
        .map(
            v ->
                Arrays.stream(v.split(","))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .collect(Collectors.toUnmodifiableSet()))
        .orElse(Set.of());
  }

  /** One line per flag, for usage text. */
  static String describe(List<Flag> flags) {
    StringBuilder out = new StringBuilder();
    for (Flag f : flags) {
      out.append(String.format("  --%-24s %s", f.name(), f.help()));
      if (f.envVar() != null) {
        out.append(" (env ").append(f.envVar()).append(')');
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Duration duration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("pt") || t.startsWith("p")) {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    }
    long amount = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      default -> throw new NumberFormatException(text);
    };
  }

  private static <T> T convert(String name, String value, Function<String, T> parser, String what) {
    try {
      return parser.apply(value);
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new UsageException("--" + name + " must be " + what + ", got " + value);
    }
  }
}
