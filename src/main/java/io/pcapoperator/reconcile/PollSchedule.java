package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to read a capture next: at the time its remote state can next change, never later than the
 * staleness bound, never sooner than the minimum interval, and never once it is terminal. All
 * durations are in the capture clock's time.
 */
public final class PollSchedule {
  private final Duration minInterval;
  private final Duration maxInterval;
  private final Duration simpleSettleTime;
  private final Duration conversionPoll;

  /**
   * @param minInterval shortest wait between two reads of one capture
   * @param maxInterval longest wait while a capture can still change (the staleness bound)
   * @param simpleSettleTime how long after submission a simple capture usually finishes
   * @param conversionPoll wait between reads while a full capture is converting
   */
  public PollSchedule(
      Duration minInterval,
      Duration maxInterval,
      Duration simpleSettleTime,
      Duration conversionPoll) {
    this.minInterval = minInterval;
    this.maxInterval = maxInterval;
    this.simpleSettleTime = simpleSettleTime;
    this.conversionPoll = conversionPoll;
  }

  /** The defaults: 2 s minimum, 60 s staleness bound, 2 s for simple, 15 s while converting. */
  public static PollSchedule defaults() {
    return new PollSchedule(
        Duration.ofSeconds(2),
        Duration.ofSeconds(60),
        Duration.ofSeconds(2),
        Duration.ofSeconds(15));
  }

  /** This schedule with another staleness bound. */
  public PollSchedule withMaxInterval(Duration bound) {
    return new PollSchedule(minInterval, bound, simpleSettleTime, conversionPoll);
  }

  /** How long to wait before the next read of {@code pcap}; empty when it is terminal. */
  public Optional<Duration> next(Pcap pcap, Instant now) {
    PcapStatus status = PcapStatus.fromWire(pcap.status());
    if (status.isTerminal()) {
      return Optional.empty();
    }
    Instant submitted = Timestamps.parse(pcap.submitted()).orElse(now);
    if (status == PcapStatus.CONVERSION_PENDING || status == PcapStatus.CONVERSION_RUNNING) {
      return Optional.of(clamp(conversionPoll));
    }
    Instant expectedChange =
        PcapRequest.TYPE_SIMPLE.equals(pcap.type())
            ? submitted.plus(simpleSettleTime)
            : submitted.plusSeconds(pcap.timeLimit() == null ? 0 : pcap.timeLimit());
    Duration untilChange = Duration.between(now, expectedChange);
    // Past the expected change, back off in proportion to how late the capture is.
    Duration wait = untilChange.isNegative() ? untilChange.negated().dividedBy(2) : untilChange;
    return Optional.of(clamp(wait));
  }

  /** The staleness bound: the longest a non-terminal capture goes unread. */
  public Duration maxInterval() {
    return maxInterval;
  }

  private Duration clamp(Duration wait) {
    if (wait.compareTo(minInterval) < 0) {
      return minInterval;
    }
    return wait.compareTo(maxInterval) > 0 ? maxInterval : wait;
  }
}
