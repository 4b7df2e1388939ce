package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.clock.ScaledClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Turns waits in capture-clock time into JOSDK reschedules in wall-clock time. */
public final class Requeue {
  private final ScaledClock clock;

  /** Reschedules timed on {@code clock}. */
  public Requeue(ScaledClock clock) {
    this.clock = clock;
  }

  /** Reconcile again after {@code wait} of capture time, writing nothing more. */
  public <R extends HasMetadata> UpdateControl<R> after(Duration wait) {
    return UpdateControl.<R>noUpdate().rescheduleAfter(wallMillis(wait));
  }

  /** Reconcile again after {@code wait} of capture time, or never when there is none. */
  public <R extends HasMetadata> UpdateControl<R> after(Optional<Duration> wait) {
    return wait.isPresent() ? after(wait.get()) : never();
  }

  /** Up to a tenth more, so that captures made together are not all read in the same instant. */
  public static Duration withJitter(Duration wait) {
    return wait.plusMillis(
        (long) (wait.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble()));
  }

  /** Nothing more to do until the resource changes. */
  public <R extends HasMetadata> UpdateControl<R> never() {
    return UpdateControl.noUpdate();
  }

  /** {@code wait} of capture time in wall-clock milliseconds, at least one. */
  public long wallMillis(Duration wait) {
    return Math.max(1, clock.toWallClock(wait).toMillis());
  }
}
