package io.pcapoperator.bench;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;

/** The floor for throughput: a reconciler that only writes a status, once. */
@ControllerConfiguration(name = "status-only")
final class StatusOnlyReconciler implements Reconciler<PacketCapture> {
  @Override
  public UpdateControl<PacketCapture> reconcile(PacketCapture capture, Context<PacketCapture> ctx) {
    if (capture.getStatus() == null) {
      PacketCaptureStatus status = new PacketCaptureStatus();
      status.setPhase(CapturePhase.Pending);
      capture.setStatus(status);
      ctx.getClient().resource(capture).updateStatus();
    }
    return UpdateControl.noUpdate();
  }
}
