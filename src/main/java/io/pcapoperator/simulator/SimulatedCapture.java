package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One capture and its lifecycle. Its state is a function of the clock, computed when it is read, so
 * the simulator needs no background threads and follows a scaled or manual clock exactly.
 *
 * <p>It answers every status of the lifecycle Cloudflare documents (simple: pending, then success
 * or failed; full: pending, running, conversion_pending, conversion_running, then success or
 * failed) but two of the API's enum: {@code unknown}, which no documented path leads to, and {@code
 * complete}, which the docs list without saying when it appears (the dashboard's "Complete" maps to
 * {@code success}). The client reads both, and the operator treats {@code complete} as success.
 */
final class SimulatedCapture {
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ISO_INSTANT;

  private final String id;
  private final String accountId;
  private final PcapRequest request;
  private final Instant submitted;
  private final SimulatorConfig config;
  private final String failureMessage;
  private volatile Instant stopRequested;

  SimulatedCapture(
      String id,
      String accountId,
      PcapRequest request,
      Instant submitted,
      SimulatorConfig config,
      String failureMessage) {
    this.id = id;
    this.accountId = accountId;
    this.request = request;
    this.submitted = submitted;
    this.config = config;
    this.failureMessage = failureMessage;
  }

  String id() {
    return id;
  }

  String accountId() {
    return accountId;
  }

  Instant submitted() {
    return submitted;
  }

  boolean isFull() {
    return PcapRequest.TYPE_FULL.equals(request.type());
  }

  /** Records a stop request; the capture ends collecting now. */
  void stop(Instant at) {
    stopRequested = at;
  }

  /** The status at {@code now}. */
  PcapStatus status(Instant now) {
    Duration age = Duration.between(submitted, now);
    if (!isFull()) {
      if (age.compareTo(config.simpleDuration()) < 0) {
        return PcapStatus.PENDING;
      }
      return failureMessage == null ? PcapStatus.SUCCESS : PcapStatus.FAILED;
    }
    Instant end = collectionEnd();
    if (now.isBefore(collectionStart()) && now.isBefore(end)) {
      return PcapStatus.PENDING;
    }
    if (now.isBefore(end)) {
      return PcapStatus.RUNNING;
    }
    if (failureMessage != null) {
      return PcapStatus.FAILED;
    }
    Instant conversionStart = end.plus(config.conversionPendingDuration());
    if (now.isBefore(conversionStart)) {
      return PcapStatus.CONVERSION_PENDING;
    }
    if (now.isBefore(conversionStart.plus(config.conversionRunningDuration()))) {
      return PcapStatus.CONVERSION_RUNNING;
    }
    return PcapStatus.SUCCESS;
  }

  /** When the capture reached its terminal status: success, or failed. */
  Instant finishedAt() {
    if (!isFull()) {
      return submitted.plus(config.simpleDuration());
    }
    Instant end = collectionEnd();
    if (failureMessage != null) {
      return end;
    }
    return end.plus(config.conversionPendingDuration()).plus(config.conversionRunningDuration());
  }

  /** Whether the capture counts against the one-pending-or-running full capture rule. */
  boolean isActiveFull(Instant now) {
    PcapStatus status = status(now);
    return isFull() && (status == PcapStatus.PENDING || status == PcapStatus.RUNNING);
  }

  /** Packets collected by {@code now}. */
  long packets(Instant now) {
    if (!isFull()) {
      return status(now) == PcapStatus.SUCCESS ? simplePackets() : 0;
    }
    if (failureMessage != null) {
      // A failed full capture (no packet matched, or its bucket failed) delivers no packets.
      return 0;
    }
    Instant start = collectionStart();
    Instant until = now.isBefore(collectionEnd()) ? now : collectionEnd();
    if (!until.isAfter(start)) {
      return 0;
    }
    long collected =
        Duration.between(start, until).toMillis() * config.fullPacketsPerSecond() / 1000;
    return Math.min(collected, packetCap());
  }

  /**
   * The time a simple capture looks back from: its {@code offset_time}, else the time it was
   * submitted, which Cloudflare takes when the request names none.
   */
  Instant lookBackFrom() {
    return request.offsetTime() == null ? submitted : Instant.parse(request.offsetTime());
  }

  /** How many packets a finished simple capture holds. */
  int simplePackets() {
    int limit = request.packetLimit() == null ? Integer.MAX_VALUE : request.packetLimit();
    return Math.min(limit, config.simpleMatchingPackets());
  }

  /**
   * The pcap file a finished full capture leaves in its bucket: the packets it reports at {@code
   * now}, stamped within the time it collected.
   */
  byte[] fullFile(Instant now) {
    Instant start = collectionStart();
    Instant end = collectionEnd();
    Duration collected = end.isAfter(start) ? Duration.between(start, end) : Duration.ZERO;
    return PcapFileWriter.write(
        Math.toIntExact(packets(now)), request.filterV1(), start, collected);
  }

  /** The capture as the API shows it at {@code now}. */
  Pcap view(Instant now) {
    PcapStatus status = status(now);
    boolean full = isFull();
    return new Pcap(
        id,
        request.system(),
        request.type(),
        status.wireValue(),
        MICROS.format(submitted),
        request.timeLimit(),
        request.packetLimit(),
        request.byteLimit(),
        request.coloName(),
        request.destinationConf(),
        request.filterV1(),
        full ? null : request.offsetTime(),
        full ? (status == PcapStatus.FAILED ? failureMessage : "") : null,
        full || status == PcapStatus.SUCCESS ? packets(now) : null,
        full && stopRequested != null ? SECONDS.format(stopRequested) : null);
  }

  /** The request it was created from. */
  PcapRequest request() {
    return request;
  }

  private Instant collectionStart() {
    return submitted.plus(config.fullPendingDuration());
  }

  private Instant collectionEnd() {
    Instant end = collectionStart().plusSeconds(request.timeLimit());
    long cap = packetCap();
    if (cap < Long.MAX_VALUE && config.fullPacketsPerSecond() > 0) {
      Instant full = collectionStart().plusMillis(cap * 1000 / config.fullPacketsPerSecond());
      if (full.isBefore(end)) {
        end = full;
      }
    }
    Instant stopped = stopRequested;
    if (stopped != null && stopped.isBefore(end)) {
      end = stopped;
    }
    return end;
  }

  private long packetCap() {
    long cap = request.packetLimit() == null ? Long.MAX_VALUE : request.packetLimit();
    if (request.byteLimit() != null && config.bytesPerPacket() > 0) {
      cap = Math.min(cap, Math.max(1, request.byteLimit() / config.bytesPerPacket()));
    }
    return cap;
  }
}
