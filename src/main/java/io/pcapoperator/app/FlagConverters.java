package io.pcapoperator.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Converters for flag values. Each refuses a bad value with the rule it breaks, which {@link Main}
 * prints after the flag and the value, in one line.
 */
final class FlagConverters {
  private FlagConverters() {}

  /** A TCP port, 0 for any free one. */
  static final class Port implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 0, 65535, "not a port (0-65535, 0 for any free port)");
    }
  }

  /** A whole number above zero. */
  static final class PositiveInteger implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 1, Integer.MAX_VALUE, "not a whole number above 0");
    }
  }

  /** A number above zero. */
  static final class PositiveNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double number = number(value, "not a number above 0");
      if (!(number > 0) || Double.isInfinite(number)) {
        throw new TypeConversionException("not a number above 0");
      }
      return number;
    }
  }

  /** A share from 0 to 1. */
  static final class Share implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double share = number(value, "not a share from 0 to 1");
      if (!(share >= 0 && share <= 1)) {
        throw new TypeConversionException("not a share from 0 to 1");
      }
      return share;
    }
  }

  /** An HTTP error status, 400-599. */
  static final class ErrorStatus implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return wholeNumber(value, 400, 599, "not an HTTP error status (400-599)");
    }
  }

  /** {@code true} or {@code false}, in any case. */
  static final class Bool implements ITypeConverter<Boolean> {
    @Override
    public Boolean convert(String value) {
      if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
        throw new TypeConversionException("not true or false");
      }
      return Boolean.parseBoolean(value);
    }
  }

  /** A duration above zero: {@code 60s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT60S}. */
  static final class PositiveDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      Duration duration = duration(value, "not a duration above 0 such as 60s, 5m, 1h or PT60S");
      if (duration.isZero()) {
        throw new TypeConversionException("not a duration above 0 such as 60s, 5m, 1h or PT60S");
      }
      return duration;
    }
  }

  /** A duration of 0 or more: {@code 0s}, {@code 250ms}, {@code 2s}, {@code 1m}. */
  static final class NonNegativeDuration implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      return duration(value, "not a duration such as 0s, 250ms, 2s or PT2S");
    }
  }

  /** {@code none}, or a directory that exists. */
  static final class DirectoryOrNone implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      if (!value.equals("none") && !Files.isDirectory(Path.of(value))) {
        throw new TypeConversionException("not a directory (none for no samples)");
      }
      return value;
    }
  }

  private static int wholeNumber(String value, int min, int max, String rule) {
    try {
      int number = Integer.parseInt(value.strip());
      if (number < min || number > max) {
        throw new TypeConversionException(rule);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new TypeConversionException(rule);
    }
  }

  private static double number(String value, String rule) {
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      throw new TypeConversionException(rule);
    }
  }

  private static Duration duration(String value, String rule) {
    String text = value.strip().toLowerCase(Locale.ROOT);
    try {
      Duration duration;
      if (text.startsWith("p")) {
        duration = Duration.parse(text.toUpperCase(Locale.ROOT));
      } else if (text.endsWith("ms")) {
        duration = Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
      } else {
        long amount = Long.parseLong(text.substring(0, Math.max(0, text.length() - 1)));
        duration =
            switch (text.charAt(text.length() - 1)) {
              case 's' -> Duration.ofSeconds(amount);
              case 'm' -> Duration.ofMinutes(amount);
              case 'h' -> Duration.ofHours(amount);
              default -> throw new TypeConversionException(rule);
            };
      }
      if (duration.isNegative()) {
        throw new TypeConversionException(rule);
      }
      return duration;
    } catch (NumberFormatException | DateTimeParseException | StringIndexOutOfBoundsException e) {
      throw new TypeConversionException(rule);
    }
  }
}
