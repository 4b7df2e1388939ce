package io.pcapoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.cloudflare.ApiError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the simulator answers: an envelope with a result or an error, a pcap file, no content, or a
 * raw JSON document (admin), with extra headers; a list's page also says how many items there are
 * in all.
 */
record Answer(
    int status,
    JsonNode result,
    SimulatorError error,
    byte[] binary,
    ObjectNode raw,
    Map<String, String> headers,
    Integer totalCount) {

  static Answer ok(JsonNode result) {
    return new Answer(200, result, null, null, null, Map.of(), null);
  }

  /** One page of a list: its items, and how many there are in all. */
  static Answer page(JsonNode items, int totalCount) {
    return new Answer(200, items, null, null, null, Map.of(), totalCount);
  }

  static Answer noContent() {
    return new Answer(204, null, null, null, null, Map.of(), null);
  }

  static Answer pcap(byte[] file) {
    return new Answer(200, null, null, file, null, Map.of(), null);
  }

  static Answer raw(ObjectNode document) {
    return new Answer(200, null, null, null, document, Map.of(), null);
  }

  static Answer error(SimulatorError error) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (error.retryAfter() != null) {
      headers.put(
          "retry-after", Long.toString(Math.max(1, (error.retryAfter().toMillis() + 999) / 1000)));
    }
    return new Answer(error.status(), null, error, null, null, headers, null);
  }

  /** An injected fault's answer. */
  static Answer forced(Faults.Forced fault) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (fault.retryAfterSeconds() != null) {
      headers.put("retry-after", Integer.toString(fault.retryAfterSeconds()));
    }
    if (fault.shouldRetry() != null) {
      headers.put("x-should-retry", fault.shouldRetry().toString());
    }
    SimulatorError error =
        fault.status() == 429
            ? new SimulatorError(
                429,
                RequestBudget.THROTTLED,
                "Please wait and consider throttling your request speed")
            : new SimulatorError(fault.status(), 1000, "Injected fault: HTTP " + fault.status());
    return new Answer(fault.status(), null, error, null, null, headers, null);
  }

  /** The error's {@code error_chain}, or null. */
  List<ApiError> errorChain() {
    return error == null ? null : error.chain();
  }

  /** This answer with the {@code Ratelimit} headers of the remaining budget. */
  Answer withRateLimit(RequestBudget.Remaining remaining) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.put(
        "Ratelimit", "\"default\";r=" + remaining.requests() + ";t=" + remaining.secondsToReset());
    all.put("Ratelimit-Policy", "\"default\";q=1200;w=300");
    return new Answer(status, result, error, binary, raw, all, totalCount);
  }
}
