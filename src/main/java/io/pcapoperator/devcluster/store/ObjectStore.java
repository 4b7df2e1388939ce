package io.pcapoperator.devcluster.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The embedded API's objects, by kind, namespace and name, with one resource-version counter and a
 * history of changes that watches resume from, bounded in changes and in bytes (objects as compact
 * JSON), so that deleted objects are let go once newer changes fill it. Stored objects are never
 * modified: every write stores a new object. Writes are serialised; each one's decision runs under
 * the store's lock, so a read-check-write (a resource-version precondition, say) is atomic.
 */
public final class ObjectStore {
  private static final long FIRST_VERSION = 1000;

  private final int historyCapacity;
  private final long historyByteCapacity;
  private final Map<String, NavigableMap<String, ObjectNode>> objectsByType = new HashMap<>();
  private final Deque<Recorded> history = new ArrayDeque<>();
  private long historyBytes;
  private final Set<Subscription> subscriptions = new CopyOnWriteArraySet<>();
  private long resourceVersion = FIRST_VERSION;

  /**
   * A store that keeps the last {@code historyCapacity} changes, and no more than {@code
   * historyByteCapacity} bytes of their objects, for watches to resume from.
   */
  public ObjectStore(int historyCapacity, long historyByteCapacity) {
    this.historyCapacity = historyCapacity;
    this.historyByteCapacity = historyByteCapacity;
  }

  /** The version of the last change. */
  public synchronized long resourceVersion() {
    return resourceVersion;
  }

  /** The object at {@code key}, or {@code null}. */
  public synchronized ObjectNode get(ObjectKey key) {
    return objects(key.typeKey()).get(storageKey(key.namespace(), key.name()));
  }

  /**
   * The objects of a kind, sorted by namespace and name, with the version they were read at.
   *
   * @param namespace a namespace, or {@code null} for all
   */
  public synchronized Snapshot list(
      String typeKey, String namespace, Predicate<ObjectNode> filter) {
    List<ObjectNode> items = new ArrayList<>();
    for (ObjectNode object : inNamespace(typeKey, namespace)) {
      if (filter.test(object)) {
        items.add(object);
      }
    }
    return new Snapshot(items, resourceVersion);
  }

  /** Whether any object of the kind exists in {@code namespace}. */
  public synchronized boolean isEmpty(String typeKey, String namespace) {
    return inNamespace(typeKey, namespace).isEmpty();
  }

  /**
   * Decides, under the store's lock, what happens to the object at {@code key}: {@code decide} gets
   * the stored object (or {@code null}) and answers with a {@link Change}. Exceptions it throws
   * leave the store untouched.
   *
   * @return the object stored now, the removed object for a removal, or the untouched one
   */
  public synchronized ObjectNode write(ObjectKey key, Function<ObjectNode, Change> decide) {
    NavigableMap<String, ObjectNode> objects = objects(key.typeKey());
    String storageKey = storageKey(key.namespace(), key.name());
    ObjectNode current = objects.get(storageKey);
    Change change = decide.apply(current);
    if (change instanceof Change.Put put) {
      ObjectNode stored = put.object();
      resourceVersion++;
      ((ObjectNode) stored.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
      objects.put(storageKey, stored);
      record(
          new WatchEvent(
              current == null ? "ADDED" : "MODIFIED", key.typeKey(), stored, resourceVersion));
      return stored;
    }
    if (change instanceof Change.Remove && current != null) {
      objects.remove(storageKey);
      resourceVersion++;
      ObjectNode removed = current.deepCopy();
      ((ObjectNode) removed.get("metadata")).put("resourceVersion", Long.toString(resourceVersion));
      record(new WatchEvent("DELETED", key.typeKey(), removed, resourceVersion));
      return removed;
    }
    return current;
  }

  /**
   * Starts a watch of one kind. With {@code sinceVersion} null the current objects come first as
   * {@code ADDED}; otherwise the changes after that version, from the history.
   *
   * @param namespace a namespace, or {@code null} for all
   * @throws TooOldResourceVersionException when the history no longer reaches back that far
   */
  public synchronized WatchStart watch(
      String typeKey, String namespace, Predicate<ObjectNode> filter, Long sinceVersion)
      throws TooOldResourceVersionException {
    Predicate<WatchEvent> matches =
        event -> inNamespace(event.object(), namespace) && filter.test(event.object());
    List<WatchEvent> replay = new ArrayList<>();
    if (sinceVersion == null) {
      for (ObjectNode object : inNamespace(typeKey, namespace)) {
        if (filter.test(object)) {
          replay.add(new WatchEvent("ADDED", typeKey, object, resourceVersion));
        }
      }
    } else {
      long oldestKept =
          history.isEmpty() ? resourceVersion : history.peekFirst().event().resourceVersion() - 1;
      if (sinceVersion < oldestKept) {
        throw new TooOldResourceVersionException(sinceVersion, oldestKept + 1);
      }
      for (Recorded recorded : history) {
        WatchEvent event = recorded.event();
        if (event.resourceVersion() > sinceVersion
            && event.typeKey().equals(typeKey)
            && matches.test(event)) {
          replay.add(event);
        }
      }
    }
    Subscription[] holder = new Subscription[1];
    holder[0] = new Subscription(typeKey, matches, () -> subscriptions.remove(holder[0]));
    subscriptions.add(holder[0]);
    return new WatchStart(replay, holder[0]);
  }

  /** The kinds that hold at least one object in {@code namespace}. */
  public synchronized List<String> typesInNamespace(String namespace) {
    List<String> types = new ArrayList<>();
    objectsByType.forEach(
        (typeKey, objects) -> {
          if (!inNamespace(typeKey, namespace).isEmpty()) {
            types.add(typeKey);
          }
        });
    return types;
  }

  /** Open watches, for tests of memory boundedness. */
  public int openWatches() {
    return subscriptions.size();
  }

  /** The bytes of the objects the history holds now. */
  public synchronized long historyBytes() {
    return historyBytes;
  }

  private void record(WatchEvent event) {
    Recorded recorded = new Recorded(event, JsonSize.of(event.object()));
    history.addLast(recorded);
    historyBytes += recorded.bytes();
    while (history.size() > historyCapacity || historyBytes > historyByteCapacity) {
      historyBytes -= history.removeFirst().bytes();
    }
    for (Subscription subscription : subscriptions) {
      subscription.offer(event);
    }
  }

  private Collection<ObjectNode> inNamespace(String typeKey, String namespace) {
    NavigableMap<String, ObjectNode> objects = objects(typeKey);
    if (namespace == null) {
      return objects.values();
    }
    return objects.subMap(namespace + "/", true, namespace + "0", false).values();
  }

  private static boolean inNamespace(ObjectNode object, String namespace) {
    return namespace == null
        || namespace.equals(object.path("metadata").path("namespace").asText(""));
  }

  private NavigableMap<String, ObjectNode> objects(String typeKey) {
    return objectsByType.computeIfAbsent(typeKey, k -> new TreeMap<>());
  }

  private static String storageKey(String namespace, String name) {
    return namespace + "/" + name;
  }

  private record Recorded(WatchEvent event, long bytes) {}

  /**
   * Objects read at one resource version.
   *
   * @param items the objects, sorted by namespace and name
   * @param resourceVersion the store's version when they were read
   */
  public record Snapshot(List<ObjectNode> items, long resourceVersion) {}
}
