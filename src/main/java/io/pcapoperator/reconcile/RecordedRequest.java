package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import java.util.Objects;
import java.util.Optional;

/**
 * The request a capture stands for: the one recorded in status when it was sent, else the one its
 * spec makes. Sync, adoption and the stop on deletion read it here, so that a spec edited after
 * submission never changes which remote capture is read, adopted or stopped.
 */
public final class RecordedRequest {
  private RecordedRequest() {}

  /** The request recorded at submission, if the status has one. */
  static Optional<SubmittedRequest> recorded(PacketCapture capture) {
    return Optional.ofNullable(capture.getStatus()).map(s -> s.getRequest());
  }

  /** The request: as recorded, else as the spec makes it (offset time not yet pinned). */
  static Optional<SubmittedRequest> of(PacketCapture capture) {
    return recorded(capture)
        .or(
            () ->
                Optional.ofNullable(capture.getSpec())
                    .map(spec -> CaptureRequests.toSubmitted(spec, Optional.empty())));
  }

  /** The capture's account, or null when neither status nor spec names one. */
  static String accountId(PacketCapture capture) {
    return of(capture).map(SubmittedRequest::getAccountId).orElse(null);
  }

  /**
   * The capture's type, or null when neither status nor spec names one: an adopted capture's is
   * known once the operator has read it from Cloudflare.
   */
  public static CaptureType type(PacketCapture capture) {
    return of(capture).map(SubmittedRequest::getType).orElse(null);
  }

  /**
   * Whether the spec still makes the recorded request, ignoring the look-back time that the
   * operator pinned when the spec named none. A capture with nothing recorded matches, and so does
   * an adopted one: its spec names the capture, not a request.
   */
  static boolean specMatches(PacketCapture capture) {
    Optional<SubmittedRequest> sent = recorded(capture);
    if (sent.isEmpty()) {
      return true;
    }
    if (capture.getSpec() == null) {
      return false;
    }
    if (capture.getSpec().getCaptureId() != null) {
      return capture.getSpec().getCaptureId().equals(capture.currentStatus().getId());
    }
    SubmittedRequest asked = CaptureRequests.toSubmitted(capture.getSpec(), Optional.empty());
    if (asked.getOffsetTime() == null) {
      asked.setOffsetTime(sent.get().getOffsetTime());
    }
    return Objects.equals(asked.getAccountId(), sent.get().getAccountId())
        && CaptureRequests.toRequest(asked).equals(CaptureRequests.toRequest(sent.get()));
  }
}
