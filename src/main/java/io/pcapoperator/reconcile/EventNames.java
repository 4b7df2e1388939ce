package io.pcapoperator.reconcile;

import java.time.Instant;

/**
 * Names of Events as kube's client-go recorder makes them: the involved object's name, a dot, and
 * the hex of the Unix time in nanoseconds. The object's name is cut short where the whole would
 * pass the 253 characters of a DNS subdomain, and the cut never ends on a dash or a dot.
 */
final class EventNames {
  private static final int MAX_LENGTH = 253;

  private EventNames() {}

  /** The name of an Event about {@code objectName} first recorded {@code at}. */
  static String name(String objectName, Instant at) {
    String suffix = "." + Long.toHexString(at.getEpochSecond() * 1_000_000_000L + at.getNano());
    int room = MAX_LENGTH - suffix.length();
    String prefix = objectName.length() <= room ? objectName : objectName.substring(0, room);
    int end = prefix.length();
    while (end > 1 && (prefix.charAt(end - 1) == '-' || prefix.charAt(end - 1) == '.')) {
      end--;
    }
    return prefix.substring(0, end) + suffix;
  }
}
