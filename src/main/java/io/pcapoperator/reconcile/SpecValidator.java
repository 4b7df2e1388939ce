package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.CaptureLimits;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks a spec against every rule of the CRD schema and its CEL rules, plus the rules only the
 * operator can check (an offset time within the last 24 hours). An API server that does not
 * validate (or an old CRD) must never let a bad request reach Cloudflare.
 */
public final class SpecValidator {
  private static final Pattern ACCOUNT_ID = Pattern.compile(CaptureLimits.ACCOUNT_ID_PATTERN);
  private static final Pattern DESTINATION_CONF =
      Pattern.compile(CaptureLimits.DESTINATION_CONF_PATTERN);
  private static final Pattern COLO_NAME = Pattern.compile(CaptureLimits.COLO_NAME_PATTERN);
  private static final Pattern RFC3339 = Pattern.compile(CaptureLimits.RFC3339_PATTERN);
  private static final Pattern IPV4 = Pattern.compile(CaptureFilter.IPV4_PATTERN);
  private static final Pattern CAPTURE_ID = Pattern.compile(CaptureLimits.CAPTURE_ID_PATTERN);
  private static final Pattern SECRET_NAME = Pattern.compile(CaptureLimits.SECRET_NAME_PATTERN);

  private final Clock clock;

  public SpecValidator(Clock clock) {
    this.clock = clock;
  }

  /** Every rule the spec breaks, each naming the field and the rule; empty when it is valid. */
  public List<String> violations(PacketCaptureSpec spec) {
    List<String> out = new ArrayList<>();
    if (spec == null) {
      out.add("spec: is required");
      return out;
    }
    checkAccountAndCredentials(spec, out);
    if (spec.getCaptureId() != null) {
      checkAdoption(spec, out);
      return out;
    }
    if (spec.getSystem() != null && !"magic-transit".equals(spec.getSystem())) {
      out.add("spec.system: must be magic-transit (got " + spec.getSystem() + ")");
    }
    if (spec.getType() == null) {
      out.add("spec.type: is required: simple or full");
    } else if (spec.getType() == CaptureType.SIMPLE) {
      checkSimple(spec, out);
    } else {
      checkFull(spec, out);
    }
    if (spec.getPacketLimit() != null) {
      requireRange(
          out, "spec.packetLimit", spec.getPacketLimit(), 1, CaptureLimits.PACKET_LIMIT_MAX);
    }
    if (spec.getFilter() != null) {
      checkFilter(spec.getFilter(), out);
    }
    return out;
  }

  private static void checkAccountAndCredentials(PacketCaptureSpec spec, List<String> out) {
    if (spec.getAccountId() == null) {
      out.add("spec.accountId: is required");
    } else if (!ACCOUNT_ID.matcher(spec.getAccountId()).matches()) {
      out.add("spec.accountId: must be 32 lowercase hex characters");
    }
    if (spec.getCredentialsSecretRef() == null
        || spec.getCredentialsSecretRef().getName() == null) {
      out.add("spec.credentialsSecretRef.name: is required");
    } else if (!SECRET_NAME.matcher(spec.getCredentialsSecretRef().getName()).matches()) {
      out.add("spec.credentialsSecretRef.name: must be a valid Secret name");
    }
  }

  /** An adopted capture names its id and nothing of a request. */
  private static void checkAdoption(PacketCaptureSpec spec, List<String> out) {
    if (!CAPTURE_ID.matcher(spec.getCaptureId()).matches()) {
      out.add("spec.captureId: must be 32 lowercase hex characters");
    }
    Object[] request = {
      spec.getType(),
      spec.getTimeLimit(),
      spec.getPacketLimit(),
      spec.getByteLimit(),
      spec.getColoName(),
      spec.getDestinationConf(),
      spec.getFilter(),
      spec.getOffsetTime()
    };
    if (Arrays.stream(request).anyMatch(Objects::nonNull)) {
      out.add(
          "spec.captureId: adopts a capture as Cloudflare has it: leave out type, timeLimit and"
              + " the other request fields");
    }
  }

  private void checkSimple(PacketCaptureSpec spec, List<String> out) {
    requireTimeLimit(spec, CaptureLimits.SIMPLE_TIME_LIMIT_MAX, "a simple", out);
    if (spec.getPacketLimit() == null) {
      out.add("spec.packetLimit: is required for a simple capture");
    }
    rejectPresent(out, "spec.byteLimit", spec.getByteLimit(), "full");
    rejectPresent(out, "spec.coloName", spec.getColoName(), "full");
    rejectPresent(out, "spec.destinationConf", spec.getDestinationConf(), "full");
    if (spec.getOffsetTime() != null) {
      checkOffsetTime(spec.getOffsetTime(), out);
    }
  }

  private static void checkFull(PacketCaptureSpec spec, List<String> out) {
    requireTimeLimit(spec, CaptureLimits.FULL_TIME_LIMIT_MAX, "a full", out);
    if (spec.getColoName() == null) {
      out.add("spec.coloName: is required for a full capture");
    } else if (!COLO_NAME.matcher(spec.getColoName()).matches()) {
      out.add("spec.coloName: must be a colo like ord02 or a city code like ORD");
    }
    if (spec.getDestinationConf() == null) {
      out.add("spec.destinationConf: is required for a full capture");
    } else if (!DESTINATION_CONF.matcher(spec.getDestinationConf()).matches()) {
      out.add("spec.destinationConf: must be an s3://, gs:// or r2:// bucket URI");
    }
    if (spec.getByteLimit() != null) {
      requireRange(out, "spec.byteLimit", spec.getByteLimit(), 1, CaptureLimits.BYTE_LIMIT_MAX);
    }
    rejectPresent(out, "spec.offsetTime", spec.getOffsetTime(), "simple");
  }

  private static void requireTimeLimit(
      PacketCaptureSpec spec, int max, String kind, List<String> out) {
    if (spec.getTimeLimit() == null) {
      out.add("spec.timeLimit: is required");
    } else if (spec.getTimeLimit() < 1 || spec.getTimeLimit() > max) {
      out.add(
          "spec.timeLimit: must be between 1 and "
              + max
              + " seconds for "
              + kind
              + " capture (got "
              + spec.getTimeLimit()
              + ")");
    }
  }

  private void checkOffsetTime(String offsetTime, List<String> out) {
    Instant offset;
    try {
      if (!RFC3339.matcher(offsetTime).matches()) {
        throw new DateTimeParseException("not RFC 3339", offsetTime, 0);
      }
      offset = OffsetDateTime.parse(offsetTime).toInstant();
    } catch (DateTimeParseException e) {
      out.add("spec.offsetTime: must be an RFC 3339 time such as 2026-11-22T08:00:00Z");
      return;
    }
    Instant now = clock.instant();
    if (offset.isAfter(now)) {
      out.add("spec.offsetTime: must not be in the future");
    } else if (Duration.between(offset, now)
            .compareTo(Duration.ofHours(CaptureLimits.OFFSET_TIME_MAX_AGE_HOURS))
        > 0) {
      out.add("spec.offsetTime: must be within the last 24 hours");
    }
  }

  private static void checkFilter(CaptureFilter filter, List<String> out) {
    checkAddress(out, "spec.filter.sourceAddress", filter.getSourceAddress());
    checkAddress(out, "spec.filter.destinationAddress", filter.getDestinationAddress());
    if (filter.getSourcePort() != null) {
      requireRange(out, "spec.filter.sourcePort", filter.getSourcePort(), 1, 65535);
    }
    if (filter.getDestinationPort() != null) {
      requireRange(out, "spec.filter.destinationPort", filter.getDestinationPort(), 1, 65535);
    }
    if (filter.getProtocol() != null) {
      requireRange(out, "spec.filter.protocol", filter.getProtocol(), 0, 255);
    }
  }

  private static void checkAddress(List<String> out, String field, String address) {
    if (address != null && !IPV4.matcher(address).matches()) {
      out.add(field + ": must be an IPv4 address such as 203.0.113.7 (got " + address + ")");
    }
  }

  private static void requireRange(List<String> out, String field, long value, long min, long max) {
    if (value < min || value > max) {
      out.add(field + ": must be between " + min + " and " + max + " (got " + value + ")");
    }
  }

  private static void rejectPresent(List<String> out, String field, Object value, String type) {
    if (value != null) {
      out.add(field + ": applies to " + type + " captures only");
    }
  }
}
