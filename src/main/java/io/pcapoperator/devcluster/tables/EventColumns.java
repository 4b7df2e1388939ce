package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.PrinterColumn;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The columns of core Events, as {@code kubectl get events} shows them. */
final class EventColumns {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private EventColumns() {}

  /** Last Seen, Type, Reason, Object, Message; wide: Subobject, Source, First Seen, Count, Name. */
  static List<Column> all() {
    return List.of(
        BuiltInColumns.column("Last Seen", "When the event was last seen", 0, EventColumns::last),
        BuiltInColumns.text("Type", "Type of this event (Normal, Warning)", 0, ".type"),
        BuiltInColumns.text("Reason", "Why the event happened", 0, ".reason"),
        BuiltInColumns.column("Object", "The object the event is about", 0, EventColumns::target),
        BuiltInColumns.text("Subobject", "The part of the object", 1, ".involvedObject.fieldPath"),
        BuiltInColumns.column("Source", "What reported the event", 1, EventColumns::source),
        BuiltInColumns.column(
            "Message",
            "What happened",
            0,
            (o, now) -> NODES.textNode(o.path("message").asText("").strip())),
        BuiltInColumns.column(
            "First Seen", "When the event was first seen", 1, EventColumns::first),
        BuiltInColumns.column("Count", "How often the event happened", 1, EventColumns::count),
        new Column(
            new PrinterColumn("Name", "string", "name", "Name of the event", 1, ""),
            (o, now) -> NODES.textNode(o.path("metadata").path("name").asText())));
  }

  private static JsonNode first(ObjectNode event, Instant now) {
    return NODES.textNode(firstSeen(event, now));
  }

  private static JsonNode last(ObjectNode event, Instant now) {
    String series = event.path("series").path("lastObservedTime").asText("");
    if (!series.isEmpty()) {
      return NODES.textNode(Ages.age(series, now));
    }
    String last = event.path("lastTimestamp").asText("");
    return NODES.textNode(last.isEmpty() ? firstSeen(event, now) : Ages.age(last, now));
  }

  private static String firstSeen(ObjectNode event, Instant now) {
    String first = event.path("firstTimestamp").asText("");
    return Ages.age(first.isEmpty() ? event.path("eventTime").asText("") : first, now);
  }

  private static JsonNode count(ObjectNode event, Instant now) {
    long count =
        event.path("series").has("count")
            ? event.path("series").path("count").asLong()
            : event.path("count").asLong(0);
    return NODES.numberNode(count == 0 ? 1 : count);
  }

  private static JsonNode target(ObjectNode event, Instant now) {
    JsonNode involved = event.path("involvedObject");
    String kind = involved.path("kind").asText("").toLowerCase(Locale.ROOT);
    String name = involved.path("name").asText("");
    return NODES.textNode(name.isEmpty() ? kind : kind + "/" + name);
  }

  private static JsonNode source(ObjectNode event, Instant now) {
    String component = event.path("source").path("component").asText("");
    String host = event.path("source").path("host").asText("");
    if (component.isEmpty()) {
      component = event.path("reportingComponent").asText("");
      host = event.path("reportingInstance").asText("");
    }
    return NODES.textNode(host.isEmpty() ? component : component + ", " + host);
  }
}
