package io.pcapoperator.reconcile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.cloudflare.PcapRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** Turns a valid spec into the API's create request, and tells whether a remote capture is it. */
public final class CaptureRequests {
  private static final ObjectMapper CANONICAL =
      JsonMapper.builder().enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();

  /** How far back Cloudflare lets a simple capture look, less a margin for the request's trip. */
  private static final Duration OFFSET_TIME_REACH = Duration.ofHours(24).minusMinutes(10);

  private CaptureRequests() {}

  /** 16 hex digits of the SHA-256 of the request's JSON, its properties sorted by name. */
  public static String fingerprint(PcapRequest request) {
    try {
      byte[] body = CANONICAL.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot fingerprint a capture request", e);
    }
  }

  /** The {@code POST /pcaps} body for a spec that passed {@link SpecValidator}. */
  public static PcapRequest toRequest(PacketCaptureSpec spec) {
    return toRequest(spec, Optional.empty());
  }

  /**
   * The {@code POST /pcaps} body; a simple capture without an offset time looks back from {@code
   * requestedAt}, the time the user asked for it, when that is still within Cloudflare's 24 hours.
   */
  public static PcapRequest toRequest(PacketCaptureSpec spec, Optional<Instant> requestedAt) {
    return toRequest(toSubmitted(spec, requestedAt));
  }

  /** The request a spec makes, as it is recorded in status before it is sent. */
  public static SubmittedRequest toSubmitted(
      PacketCaptureSpec spec, Optional<Instant> requestedAt) {
    boolean full = spec.getType() == CaptureType.FULL;
    String offsetTime = full ? null : spec.getOffsetTime();
    if (!full && offsetTime == null && requestedAt.isPresent()) {
      offsetTime = Timestamps.format(requestedAt.get());
    }
    SubmittedRequest recorded = new SubmittedRequest();
    recorded.setAccountId(spec.getAccountId());
    recorded.setSystem(
        spec.getSystem() == null ? PcapRequest.SYSTEM_MAGIC_TRANSIT : spec.getSystem());
    recorded.setType(spec.getType());
    recorded.setTimeLimit(spec.getTimeLimit());
    recorded.setPacketLimit(spec.getPacketLimit());
    recorded.setByteLimit(full ? spec.getByteLimit() : null);
    recorded.setColoName(full ? spec.getColoName() : null);
    recorded.setDestinationConf(full ? spec.getDestinationConf() : null);
    recorded.setFilter(toFilter(spec.getFilter()) == null ? null : spec.getFilter());
    recorded.setOffsetTime(offsetTime);
    return recorded;
  }

  /**
   * The request a spec makes when sent at {@code now}: the look-back time is pinned to {@code
   * requestedAt} (the status' time) while Cloudflare still accepts it.
   */
  static SubmittedRequest toSubmitted(PacketCaptureSpec spec, String requestedAt, Instant now) {
    return toSubmitted(
        spec,
        Timestamps.parse(requestedAt)
            .filter(at -> Duration.between(at, now).compareTo(OFFSET_TIME_REACH) < 0));
  }

  /** The {@code POST /pcaps} body of a recorded request. */
  public static PcapRequest toRequest(SubmittedRequest recorded) {
    return new PcapRequest(
        recorded.getSystem(),
        recorded.getType() == CaptureType.FULL ? PcapRequest.TYPE_FULL : PcapRequest.TYPE_SIMPLE,
        recorded.getTimeLimit(),
        recorded.getPacketLimit(),
        recorded.getByteLimit(),
        recorded.getColoName(),
        recorded.getDestinationConf(),
        toFilter(recorded.getFilter()),
        recorded.getOffsetTime());
  }

  /**
   * Whether a remote capture carries the same request, so that it may be adopted after a create
   * whose answer was lost.
   */
  public static boolean sameRequest(PcapRequest request, Pcap remote) {
    PcapFilter remoteFilter = remote.filterV1() == null ? PcapFilter.ANY : remote.filterV1();
    PcapFilter wantedFilter = request.filterV1() == null ? PcapFilter.ANY : request.filterV1();
    return Objects.equals(request.type(), remote.type())
        && Objects.equals(request.timeLimit(), remote.timeLimit())
        && (remote.packetLimit() == null
            || Objects.equals(request.packetLimit(), remote.packetLimit()))
        && Objects.equals(request.byteLimit(), remote.byteLimit())
        && Objects.equals(request.coloName(), remote.coloName())
        && Objects.equals(request.destinationConf(), remote.destinationConf())
        && wantedFilter.equals(remoteFilter);
  }

  /**
   * The request an adopted capture stands for, as Cloudflare described it: recorded in status so
   * that sync and the stop on deletion read it as they read a request the operator sent.
   */
  static SubmittedRequest fromRemote(String accountId, Pcap remote) {
    SubmittedRequest recorded = new SubmittedRequest();
    recorded.setAccountId(accountId);
    recorded.setSystem(
        remote.system() == null ? PcapRequest.SYSTEM_MAGIC_TRANSIT : remote.system());
    recorded.setType(
        PcapRequest.TYPE_FULL.equals(remote.type()) ? CaptureType.FULL : CaptureType.SIMPLE);
    recorded.setTimeLimit(remote.timeLimit());
    recorded.setPacketLimit(remote.packetLimit());
    recorded.setByteLimit(remote.byteLimit());
    recorded.setColoName(remote.coloName());
    recorded.setDestinationConf(remote.destinationConf());
    PcapFilter filter = remote.filterV1();
    if (filter != null && !filter.isEmpty()) {
      CaptureFilter captured = new CaptureFilter();
      captured.setSourceAddress(filter.sourceAddress());
      captured.setDestinationAddress(filter.destinationAddress());
      captured.setSourcePort(filter.sourcePort());
      captured.setDestinationPort(filter.destinationPort());
      captured.setProtocol(filter.protocol());
      recorded.setFilter(captured);
    }
    recorded.setOffsetTime(remote.offsetTime());
    return recorded;
  }

  private static PcapFilter toFilter(CaptureFilter filter) {
    if (filter == null) {
      return null;
    }
    PcapFilter out =
        new PcapFilter(
            filter.getSourceAddress(),
            filter.getDestinationAddress(),
            filter.getSourcePort(),
            filter.getDestinationPort(),
            filter.getProtocol());
    return out.isEmpty() ? null : out;
  }
}
