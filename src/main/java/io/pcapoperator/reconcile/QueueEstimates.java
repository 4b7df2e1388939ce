package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.QueueStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a waiting capture's {@code status.queue} is written: once when the capture is queued, with
 * its place and the scheduler's estimate of its start, and not as the queue drains. An estimate
 * that passes by more than {@link #OVERDUE} with the capture still waiting is made again, later by
 * as much as it proved late, at most {@link #MAX_REVISIONS} times; so a capture's wait costs at
 * most {@code 1 + MAX_REVISIONS} status writes, however long its account's queue.
 */
final class QueueEstimates {
  /** How many times an estimate that passed is made again. */
  static final int MAX_REVISIONS = 2;

  /** How far past its estimate a capture may wait before the estimate is made again. */
  static final Duration OVERDUE = AccountScheduler.SIMPLE_INTERVAL;

  private QueueEstimates() {}

  /**
   * The queue status to write for {@code wait}, or empty when the one written ({@code written},
   * null when the capture was not yet queued) still stands.
   */
  static Optional<QueueStatus> next(QueueStatus written, AccountScheduler.Wait wait, Instant now) {
    if (written == null) {
      return Optional.of(
          new QueueStatus(wait.position(), Timestamps.format(wait.notBefore()), null));
    }
    int revisions = written.getRevisions() == null ? 0 : written.getRevisions();
    Optional<Instant> estimate = Timestamps.parse(written.getNotBefore());
    if (revisions >= MAX_REVISIONS
        || estimate.filter(at -> !now.isAfter(at.plus(OVERDUE))).isPresent()) {
      return Optional.empty();
    }
    Duration late = estimate.map(at -> Duration.between(at, now)).orElse(Duration.ZERO);
    return Optional.of(
        new QueueStatus(
            wait.position(), Timestamps.format(wait.notBefore().plus(late)), revisions + 1));
  }
}
