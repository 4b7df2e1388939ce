package io.pcapoperator.devcluster.admission;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/** The string formats kube-apiserver checks in custom resources; other formats pass. */
final class Formats {
  private static final Pattern UUID =
      Pattern.compile("(?i)^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

  private Formats() {}

  /** Whether {@code text} is of {@code format}. */
  static boolean valid(String format, String text) {
    return switch (format) {
      case "date-time", "datetime" -> parses(() -> OffsetDateTime.parse(text));
      case "date" -> parses(() -> LocalDate.parse(text));
      case "uuid" -> UUID.matcher(text).matches();
      case "ipv4" -> IPV4.matcher(text).matches();
      case "byte" -> parses(() -> Base64.getDecoder().decode(text));
      default -> true;
    };
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return false;
    }
  }
}
