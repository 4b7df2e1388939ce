package io.pcapoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;

/**
 * The simulator's own endpoints, for tests and demos run from outside the JVM:
 *
 * <ul>
 *   <li>{@code GET /__admin/stats}, {@code POST /__admin/stats/reset}: request counts
 *   <li>{@code GET /__admin/captures}: every capture of every account
 *   <li>{@code GET /__admin/bucket-files}: the ownership challenge files written into buckets
 *   <li>{@code POST /__admin/faults} with {@code errorRate}, {@code errorStatus}, {@code
 *       latencyMs}, {@code failNextCaptures}, {@code failMessage}, {@code loseNextCreateAnswers},
 *       {@code lostCreateRate}, {@code failNextOwnershipValidations}, {@code forced: [{status,
 *       retryAfter, shouldRetry}]}; {@code POST /__admin/faults/reset}
 * </ul>
 */
final class AdminApi {
  static final String PREFIX = "/__admin/";

  private final ObjectMapper json;
  private final SimulatorStats stats;
  private final Faults faults;
  private final CaptureStore captures;
  private final Ownerships ownerships;

  AdminApi(
      ObjectMapper json,
      SimulatorStats stats,
      Faults faults,
      CaptureStore captures,
      Ownerships ownerships) {
    this.json = json;
    this.ownerships = ownerships;
    this.stats = stats;
    this.faults = faults;
    this.captures = captures;
  }

  Answer handle(String method, String path, byte[] body) {
    String route = method + " " + path.substring(PREFIX.length());
    return switch (route) {
      case "GET stats" -> Answer.raw(statsDocument());
      case "POST stats/reset" -> {
        stats.reset();
        yield Answer.raw(statsDocument());
      }
      case "GET captures" -> {
        ObjectNode doc = json.createObjectNode();
        doc.set("captures", json.valueToTree(captures.all()));
        yield Answer.raw(doc);
      }
      case "GET bucket-files" -> {
        ObjectNode doc = json.createObjectNode();
        doc.set("files", json.valueToTree(ownerships.bucketFiles()));
        yield Answer.raw(doc);
      }
      case "POST faults" -> {
        applyFaults(body);
        yield Answer.raw(json.createObjectNode().put("applied", true));
      }
      case "POST faults/reset" -> {
        faults.reset();
        yield Answer.raw(json.createObjectNode().put("reset", true));
      }
      default -> Answer.error(new SimulatorError(404, 7003, "No route for the URI"));
    };
  }

  private ObjectNode statsDocument() {
    SimulatorStats.Snapshot snapshot = stats.snapshot();
    ObjectNode doc = json.createObjectNode();
    doc.set("byEndpoint", json.valueToTree(snapshot.byEndpoint()));
    doc.set("byStatus", json.valueToTree(snapshot.byStatus()));
    doc.put("total", snapshot.total());
    return doc;
  }

  private void applyFaults(byte[] body) {
    JsonNode spec;
    try {
      spec = json.readTree(body);
    } catch (IOException e) {
      throw new SimulatorError(400, 1002, "the faults document is not valid JSON");
    }
    if (spec.has("errorRate")) {
      faults.errorRate(spec.get("errorRate").asDouble(), spec.path("errorStatus").asInt(503));
    }
    if (spec.has("latencyMs")) {
      faults.latency(Duration.ofMillis(spec.get("latencyMs").asLong()));
    }
    if (spec.has("failNextCaptures")) {
      faults.failNextCaptures(
          spec.get("failNextCaptures").asInt(), spec.path("failMessage").asText(null));
    }
    if (spec.has("loseNextCreateAnswers")) {
      faults.loseNextCreateAnswers(spec.get("loseNextCreateAnswers").asInt());
    }
    if (spec.has("failNextOwnershipValidations")) {
      faults.failNextOwnershipValidations(spec.get("failNextOwnershipValidations").asInt());
    }
    if (spec.has("lostCreateRate")) {
      faults.lostCreateRate(spec.get("lostCreateRate").asDouble());
    }
    for (JsonNode forced : spec.path("forced")) {
      faults.force(
          new Faults.Forced(
              forced.path("status").asInt(503),
              forced.has("retryAfter") ? forced.get("retryAfter").asInt() : null,
              forced.has("shouldRetry") ? forced.get("shouldRetry").asBoolean() : null));
    }
  }
}
