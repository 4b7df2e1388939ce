package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.clock.ScaledClock;
import java.time.Duration;

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

  /** Nothing more to do until the resource changes. */
  UpdateControl<PacketCapture> never() {
    return UpdateControl.noUpdate();
  }

  private long wallMillis(Duration wait) {
    return Math.max(1, clock.toWallClock(wait).toMillis());
  }
}
