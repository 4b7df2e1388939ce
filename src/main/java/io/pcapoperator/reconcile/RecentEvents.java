package io.pcapoperator.reconcile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Events recorded lately, by what makes two of them the same (involved object, type, reason and
 * message), so that a repeat updates the Event instead of adding one. The least recently used are
 * forgotten past a bound, as in client-go's recorder; a forgotten repeat makes a new Event.
 */
final class RecentEvents {
  /** client-go's bound. */
  static final int CAPACITY = 4096;

  /** What makes two Events the same. */
  record Key(
      String namespace,
      String kind,
      String apiVersion,
      String objectName,
      String uid,
      String type,
      String reason,
      String message) {}

  /**
   * An Event as last written.
   *
   * @param name its name
   * @param count how many times it happened
   * @param firstTimestamp when it first happened
   */
  record Recorded(String name, int count, String firstTimestamp) {
    /** This Event once more. */
    Recorded again() {
      return new Recorded(name, count + 1, firstTimestamp);
    }
  }

  private final Map<Key, Recorded> recorded =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Recorded> eldest) {
          return size() > CAPACITY;
        }
      };

  /** The Event last written for {@code key}, if it is remembered. */
  synchronized Optional<Recorded> get(Key key) {
    return Optional.ofNullable(recorded.get(key));
  }

  /** Remembers {@code event} as the one for {@code key}. */
  synchronized void put(Key key, Recorded event) {
    recorded.put(key, event);
  }
}
