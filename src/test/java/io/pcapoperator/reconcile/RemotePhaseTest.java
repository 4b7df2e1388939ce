package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.cloudflare.Pcap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RemotePhaseTest {
  private static Pcap pcap(String status, String stopRequested, String error) {
    return new Pcap(
        "66802ca5668e47a2b82c2e6746e45037",
        null,
        "full",
        status,
        null,
        60,
        null,
        null,
        null,
        null,
        null,
        null,
        error,
        42L,
        stopRequested);
  }

  @ParameterizedTest
  @CsvSource({
    "pending, Running",
    "running, Running",
    "unknown, Running",
    "something_new, Running",
    "conversion_pending, Converting",
    "conversion_running, Converting",
    "success, Succeeded",
    "complete, Succeeded",
    "failed, Failed"
  })
  void mapsEveryRemoteStatus(String remote, CapturePhase phase) {
    assertThat(RemotePhase.of(pcap(remote, null, null))).isEqualTo(phase);
  }

  @Test
  void aStoppedCaptureThatFinishedIsStopped() {
    assertThat(RemotePhase.of(pcap("success", "2026-11-22T08:01:00Z", null)))
        .isEqualTo(CapturePhase.Stopped);
    assertThat(RemotePhase.of(pcap("running", "2026-11-22T08:01:00Z", null)))
        .isEqualTo(CapturePhase.Running);
  }

  @Test
  void failureMessageCarriesTheRemoteError() {
    Pcap failed = pcap("failed", null, "No packets matched the filter in the time limit given.");
    assertThat(RemotePhase.message(failed, CapturePhase.Failed))
        .isEqualTo(
            "capture 66802ca5668e47a2b82c2e6746e45037 failed: No packets matched the filter in the"
                + " time limit given.");
    assertThat(RemotePhase.message(pcap("success", null, null), CapturePhase.Succeeded))
        .isEqualTo("capture 66802ca5668e47a2b82c2e6746e45037 succeeded, 42 packets");
  }
}
