package io.pcapoperator.devcluster.tables;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** How kube shows how long ago a timestamp was: {@code 5m}, {@code 3d}, {@code 2y}. */
final class Ages {
  private Ages() {}

  /**
   * The cell of a CRD {@code date} column: {@code <unknown>} for an empty value, {@code <invalid>}
   * for one that is not RFC 3339, else the short age, as apiextensions' table convertor renders it.
   */
  static String dateCell(String value, Instant now) {
    if (value.isEmpty() || value.equals("null")) {
      return "<unknown>";
    }
    try {
      return shortAge(Duration.between(OffsetDateTime.parse(value).toInstant(), now));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  /** The AGE of a built-in kind's table, from {@code metadata.creationTimestamp}. */
  static String age(String timestamp, Instant now) {
    if (timestamp.isEmpty()) {
      return "<unknown>";
    }
    try {
      return humanAge(Duration.between(OffsetDateTime.parse(timestamp).toInstant(), now));
    } catch (DateTimeParseException e) {
      return "<invalid>";
    }
  }

  /** One unit of precision: {@code 59s}, {@code 5m}, {@code 23h}, {@code 364d}, {@code 2y}. */
  static String shortAge(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 60) {
      return seconds + "s";
    } else if (d.toMinutes() < 60) {
      return d.toMinutes() + "m";
    } else if (d.toHours() < 24) {
      return d.toHours() + "h";
    } else if (d.toHours() < 24 * 365) {
      return d.toHours() / 24 + "d";
    }
    return d.toHours() / 24 / 365 + "y";
  }

  /** Two or three significant figures: {@code 90s}, {@code 5m30s}, {@code 4h12m}, {@code 3d4h}. */
  static String humanAge(Duration d) {
    long seconds = d.getSeconds();
    if (seconds < -1) {
      return "<invalid>";
    } else if (seconds < 0) {
      return "0s";
    } else if (seconds < 120) {
      return seconds + "s";
    }
    long minutes = d.toMinutes();
    if (minutes < 10) {
      return pair(minutes, "m", seconds % 60, "s");
    } else if (minutes < 180) {
      return minutes + "m";
    }
    long hours = d.toHours();
    if (hours < 8) {
      return pair(hours, "h", minutes % 60, "m");
    } else if (hours < 48) {
      return hours + "h";
    } else if (hours < 24 * 8) {
      return pair(hours / 24, "d", hours % 24, "h");
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 + "d";
    } else if (hours < 24 * 365 * 8) {
      return pair(hours / 24 / 365, "y", (hours / 24) % 365, "d");
    }
    return hours / 24 / 365 + "y";
  }

  private static String pair(long major, String majorUnit, long minor, String minorUnit) {
    return minor == 0 ? major + majorUnit : major + majorUnit + minor + minorUnit;
  }
}
