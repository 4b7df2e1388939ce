package io.pcapoperator.plugin;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * How long ago a timestamp was, in one unit as {@code kubectl get} shows a custom resource's AGE:
 * {@code 59s}, {@code 5m}, {@code 23h}, {@code 364d}, {@code 2y}.
 */
final class ShortAge {
  private ShortAge() {}

  /** The age of RFC 3339 {@code timestamp} at {@code now}; {@code <unknown>} when there is none. */
  static String of(String timestamp, Instant now) {
    if (timestamp == null || timestamp.isBlank()) {
      return "<unknown>";
    }
    try {
      return format(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  private static String format(Duration age) {
    long seconds = Math.max(0, age.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    } else if (seconds < 3600) {
      return seconds / 60 + "m";
    } else if (seconds < 86_400) {
      return seconds / 3600 + "h";
    } else if (seconds < 365 * 86_400L) {
      return seconds / 86_400 + "d";
    }
    return seconds / (365 * 86_400L) + "y";
  }
}
