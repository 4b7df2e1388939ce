package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.clock.ScaledClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Turns waits in capture-clock time into JOSDK reschedules in wall-clock time. */
final class Requeue {
  private final ScaledClock clock;

  Requeue(ScaledClock clock) {
    this.clock = clock;
  }

  /** Reconcile again after {@code wait} of capture time, writing nothing more. */
  UpdateControl<PacketCapture> after(Duration wait) {
    return UpdateControl.<PacketCapture>noUpdate().rescheduleAfter(wallMillis(wait));
  }

  /** Reconcile again after {@code wait} of capture time, or never when there is none. */
  UpdateControl<PacketCapture> after(Optional<Duration> wait) {
    return wait.map(this::after).orElseGet(this::never);
  }

  /** Up to a tenth more, so that captures made together are not all read in the same instant. */
  static Duration withJitter(Duration wait) {
    return wait.plusMillis(
        (long) (wait.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble()));
  }

  /** Nothing more to do until the resource changes. */
  UpdateControl<PacketCapture> never() {
    return UpdateControl.noUpdate();
  }

  private long wallMillis(Duration wait) {
    return Math.max(1, clock.toWallClock(wait).toMillis());
  }
}
