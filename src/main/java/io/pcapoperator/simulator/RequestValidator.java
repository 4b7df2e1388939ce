package io.pcapoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.cloudflare.PcapRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Checks a {@code POST /pcaps} body as Cloudflare does and turns it into a {@link PcapRequest}. A
 * broken rule is a {@link SimulatorError} with status 400 whose message names the API field.
 */
final class RequestValidator {
  private static final int INVALID_REQUEST = 1002;
  private static final Pattern IPV4 =
      Pattern.compile(
          "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$");

  /** A bucket URI as destination_conf takes it. */
  static final Pattern BUCKET = Pattern.compile("^(s3|gs|r2)://[^/?#\\s]+\\S*$");

  private final SimulatorConfig config;
  private final Clock clock;
  private final boolean acceptColoAlias;

  RequestValidator(SimulatorConfig config, Clock clock, boolean acceptColoAlias) {
    this.config = config;
    this.clock = clock;
    this.acceptColoAlias = acceptColoAlias;
  }

  /** The request in {@code body}, or a 400 naming the first broken rule. */
  PcapRequest validate(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("the request body must be a JSON object");
    }
    String system = text(body, "system", true);
    if (!PcapRequest.SYSTEM_MAGIC_TRANSIT.equals(system)) {
      throw invalid("system must be magic-transit");
    }
    String type = text(body, "type", true);
    boolean full = PcapRequest.TYPE_FULL.equals(type);
    if (!full && !PcapRequest.TYPE_SIMPLE.equals(type)) {
      throw invalid("type must be simple or full");
    }
    int maxTime = full ? config.fullTimeLimitMax() : config.simpleTimeLimitMax();
    Long timeLimit = number(body, "time_limit", true, 1, maxTime, type);
    Long packetLimit = number(body, "packet_limit", !full, 1, 10_000, type);
    Long byteLimit = number(body, "byte_limit", false, 1, 1_000_000_000L, type);
    String colo = text(body, "colo_name", false);
    if (colo == null && acceptColoAlias) {
      colo = text(body, "colo", false);
    }
    String destination = text(body, "destination_conf", false);
    String offsetTime = text(body, "offset_time", false);
    if (full) {
      require(colo, "colo_name is required for a full capture");
      require(destination, "destination_conf is required for a full capture");
      if (!BUCKET.matcher(destination).matches()) {
        throw invalid("destination_conf must be an s3://, gs:// or r2:// bucket URI");
      }
      if (offsetTime != null) {
        throw invalid("offset_time applies to simple captures only");
      }
    } else {
      if (byteLimit != null) {
        throw invalid("byte_limit applies to full captures only");
      }
      if (colo != null || destination != null) {
        throw invalid("colo_name and destination_conf apply to full captures only");
      }
      if (offsetTime != null) {
        checkOffsetTime(offsetTime);
      }
    }
    return new PcapRequest(
        system,
        type,
        timeLimit.intValue(),
        packetLimit == null ? null : packetLimit.intValue(),
        byteLimit,
        colo,
        destination,
        filter(body.get("filter_v1")),
        offsetTime);
  }

  private PcapFilter filter(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw invalid("filter_v1 must be an object");
    }
    String source = address(node, "source_address");
    String destination = address(node, "destination_address");
    Long sourcePort = number(node, "source_port", false, 1, 65535, null);
    Long destinationPort = number(node, "destination_port", false, 1, 65535, null);
    Long protocol = number(node, "protocol", false, 0, 255, null);
    PcapFilter filter =
        new PcapFilter(
            source,
            destination,
            sourcePort == null ? null : sourcePort.intValue(),
            destinationPort == null ? null : destinationPort.intValue(),
            protocol == null ? null : protocol.intValue());
    return filter.isEmpty() ? null : filter;
  }

  private String address(JsonNode node, String field) {
    String value = text(node, field, false);
    if (value != null && !IPV4.matcher(value).matches()) {
      throw invalid("filter_v1." + field + " must be an IPv4 address");
    }
    return value;
  }

  private void checkOffsetTime(String offsetTime) {
    Instant offset;
    try {
      offset = OffsetDateTime.parse(offsetTime).toInstant();
    } catch (DateTimeParseException e) {
      throw invalid("offset_time must be an RFC 3339 date-time");
    }
    Instant now = clock.instant();
    if (offset.isAfter(now) || Duration.between(offset, now).compareTo(Duration.ofHours(24)) > 0) {
      throw invalid("offset_time must be within the last 24 hours");
    }
  }

  private static String text(JsonNode body, String field, boolean required) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw invalid(field + " is required");
      }
      return null;
    }
    if (!node.isTextual()) {
      throw invalid(field + " must be a string");
    }
    return node.asText();
  }

  /** A whole number in [min, max]; {@code type} null marks a {@code filter_v1} field. */
  private static Long number(
      JsonNode body, String field, boolean required, long min, long max, String type) {
    String name = type == null ? "filter_v1." + field : field;
    String scope = type == null ? "" : " for a " + type + " capture";
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      if (required) {
        throw invalid(name + " is required" + scope);
      }
      return null;
    }
    if (!node.isIntegralNumber()) {
      throw invalid(name + " must be a whole number");
    }
    long value = node.asLong();
    if (value < min || value > max) {
      throw invalid(name + " must be between " + min + " and " + max + scope);
    }
    return value;
  }

  private static void require(String value, String message) {
    if (value == null) {
      throw invalid(message);
    }
  }

  private static SimulatorError invalid(String message) {
    return new SimulatorError(400, INVALID_REQUEST, message);
  }
}
