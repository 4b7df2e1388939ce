package io.pcapoperator.bench;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapStatus;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.CaptureRequests;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The baseline an operator author writes first: create on the first reconcile, then read the
 * capture every 10 seconds until it is terminal; no queue, no budget, no adoption.
 */
@ControllerConfiguration(name = "naive")
final class NaivePollingReconciler implements Reconciler<PacketCapture> {
  private static final Duration POLL = Duration.ofSeconds(10);

  private final PcapsApi api;
  private final Credentials credentials;
  private final ScaledClock clock;

  NaivePollingReconciler(PcapsApi api, Credentials credentials, ScaledClock clock) {
    this.api = api;
    this.credentials = credentials;
    this.clock = clock;
  }

  @Override
  public UpdateControl<PacketCapture> reconcile(PacketCapture capture, Context<PacketCapture> ctx) {
    PacketCaptureStatus status = capture.getStatus();
    if (status != null && status.getPhase() != null && status.getPhase().isTerminal()) {
      return UpdateControl.noUpdate();
    }
    try {
      Pcap pcap =
          status == null || status.getId() == null
              ? api.create(
                  credentials,
                  capture.getSpec().getAccountId(),
                  CaptureRequests.toRequest(capture.getSpec()))
              : api.get(credentials, capture.getSpec().getAccountId(), status.getId());
      PacketCaptureStatus next = new PacketCaptureStatus();
      next.setId(pcap.id());
      next.setRemoteStatus(pcap.status());
      next.setSubmitted(pcap.submitted());
      PcapStatus remote = PcapStatus.fromWire(pcap.status());
      next.setPhase(
          remote == PcapStatus.SUCCESS
              ? CapturePhase.Succeeded
              : remote == PcapStatus.FAILED ? CapturePhase.Failed : CapturePhase.Running);
      next.setLastSyncTime(
          DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
      capture.setStatus(next);
      ctx.getClient().resource(capture).updateStatus();
      return next.getPhase().isTerminal() ? UpdateControl.noUpdate() : poll();
    } catch (CloudflareApiException e) {
      return poll();
    }
  }

  private UpdateControl<PacketCapture> poll() {
    return UpdateControl.<PacketCapture>noUpdate()
        .rescheduleAfter(Math.max(1, clock.toWallClock(POLL).toMillis()));
  }
}
