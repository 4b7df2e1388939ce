package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pcapoperator.devcluster.store.ObjectStore;
import io.pcapoperator.devcluster.store.Subscription;
import io.pcapoperator.devcluster.store.TooOldResourceVersionException;
import io.pcapoperator.devcluster.store.WatchEvent;
import io.pcapoperator.devcluster.store.WatchStart;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Streams a watch over plain chunked HTTP, one JSON event per line, as kube-apiserver does for
 * {@code kubectl get -w} and for clients that do not use WebSockets. The watch ends at its {@code
 * timeoutSeconds} (at most 30 minutes), when the client goes away, or when it falls behind. A
 * client that allows bookmarks gets one at once and then every 30 seconds while nothing changes.
 *
 * <p>Events are written in ASCII, every other character as a JSON escape: the same JSON, but safe
 * for fabric8's HTTP watch, which decodes each chunk into a buffer padded with NULs after a
 * multi-byte character, so that the next event fails to parse and the informer stops.
 */
public final class WatchStream {
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(30);
  private static final Duration BOOKMARK_INTERVAL = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final ObjectWriter ASCII =
      Json.MAPPER.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);

  private final ObjectStore store;
  private final Views views;

  /** Watches of {@code store}, shown by {@code views}. */
  public WatchStream(ObjectStore store, Views views) {
    this.store = store;
    this.views = views;
  }

  /**
   * Runs the watch {@code request} asks for on {@code route}, answering through {@code exchange}.
   */
  public void serve(HttpExchange exchange, ApiRequest request, ResourceRoute route)
      throws IOException {
    Predicate<ObjectNode> filter = Selectors.of(route.type(), request);
    if (route.name() != null) {
      filter = filter.and(o -> route.name().equals(o.path("metadata").path("name").asText()));
    }
    String since = request.param("resourceVersion");
    Long sinceVersion =
        since == null || since.isEmpty() || since.equals("0") ? null : parseVersion(since);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.getResponseHeaders().set("Transfer-Encoding", "chunked");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.flush();
      WatchStart start;
      try {
        start = store.watch(route.typeKey(), route.namespace(), filter, sinceVersion);
      } catch (TooOldResourceVersionException e) {
        send(out, event("ERROR", Statuses.expired(e.getMessage())));
        return;
      }
      try (Subscription subscription = start.subscription()) {
        stream(out, request, route, start.replay(), subscription);
      }
    } catch (IOException clientGone) {
      // The client closed the connection: the watch is over.
    }
  }

  private void stream(
      OutputStream out,
      ApiRequest request,
      ResourceRoute route,
      List<WatchEvent> replay,
      Subscription subscription)
      throws IOException {
    Instant deadline = Instant.now().plus(timeout(request));
    boolean bookmarks = request.flag("allowWatchBookmarks");
    boolean[] headerSent = {false};
    long lastVersion = store.resourceVersion();
    for (WatchEvent event : replay) {
      send(out, render(request, route, event, headerSent));
      lastVersion = event.resourceVersion();
    }
    if (bookmarks) {
      // At once, so that a client that learns a watch is live from its first bytes (fabric8 over
      // HTTP) knows it before any object changes.
      send(out, bookmark(route, Math.max(lastVersion, store.resourceVersion())));
    }
    Instant nextBookmark = Instant.now().plus(BOOKMARK_INTERVAL);
    try {
      while (subscription.isOpen() && Instant.now().isBefore(deadline)) {
        WatchEvent event = subscription.next(POLL);
        if (event != null) {
          send(out, render(request, route, event, headerSent));
          lastVersion = event.resourceVersion();
        } else if (bookmarks && Instant.now().isAfter(nextBookmark)) {
          send(out, bookmark(route, Math.max(lastVersion, store.resourceVersion())));
          nextBookmark = Instant.now().plus(BOOKMARK_INTERVAL);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private ObjectNode render(
      ApiRequest request, ResourceRoute route, WatchEvent event, boolean[] headerSent) {
    if (request.wantsTable()) {
      ObjectNode table =
          views.table(
              request,
              route.type(),
              List.of(event.object()),
              Long.toString(event.resourceVersion()),
              !headerSent[0]);
      headerSent[0] = true;
      return event(event.type(), table);
    }
    return event(event.type(), views.object(route.type(), event.object()));
  }

  private static ObjectNode bookmark(ResourceRoute route, long version) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.put("apiVersion", route.type().apiVersion()).put("kind", route.type().kind());
    object.putObject("metadata").put("resourceVersion", Long.toString(version));
    return event("BOOKMARK", object);
  }

  private static ObjectNode event(String type, ObjectNode object) {
    ObjectNode event = JsonNodeFactory.instance.objectNode();
    event.put("type", type);
    event.set("object", object);
    return event;
  }

  /** Writes {@code event} as one line of JSON in ASCII. */
  static void send(OutputStream out, ObjectNode event) throws IOException {
    out.write(ASCII.writeValueAsBytes(event));
    out.write('\n');
    out.flush();
  }

  private static Duration timeout(ApiRequest request) {
    String seconds = request.param("timeoutSeconds");
    if (seconds == null || seconds.isEmpty()) {
      return MAX_TIMEOUT;
    }
    try {
      Duration asked = Duration.ofSeconds(Long.parseLong(seconds));
      return asked.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : asked;
    } catch (NumberFormatException e) {
      throw Statuses.badRequest("invalid timeoutSeconds: " + seconds);
    }
  }

  private static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw Statuses.badRequest("invalid resource version: " + version);
    }
  }
}
