package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.cloudflare.ApiError;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.cloudflare.budget.ApiBudget;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import io.pcapoperator.cloudflare.budget.BudgetedPcapsApi;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** PacketCaptures and Cloudflare failures for the collaborators' unit tests. */
final class Captures {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String ID = "66802ca5668e47a2b82c2e6746e45037";
  static final Instant NOW = Instant.parse("2026-11-22T08:00:00Z");

  private Captures() {}

  /** A new capture of {@code type}, never sent. */
  static PacketCapture fresh(CaptureType type) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference("cf"));
    spec.setType(type);
    spec.setTimeLimit(300);
    if (type == CaptureType.SIMPLE) {
      spec.setPacketLimit(10000);
    } else {
      spec.setColoName("ORD");
      spec.setDestinationConf("gs://pcaps");
    }
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setNamespace("netops");
    capture.getMetadata().setName("web");
    capture.getMetadata().setUid("uid-web");
    capture.getMetadata().setGeneration(1L);
    capture.getMetadata().setCreationTimestamp(NOW.minusSeconds(5).toString());
    capture.setSpec(spec);
    return capture;
  }

  /** A capture whose create was sent at {@code started} and never answered. */
  static PacketCapture unanswered(CaptureType type, Instant started) {
    PacketCapture capture = fresh(type);
    PacketCaptureStatus status = new PacketCaptureStatus();
    status.setPhase(CapturePhase.Submitting);
    status.setSubmissionStarted(Timestamps.formatPrecise(started));
    status.setRequest(CaptureRequests.toSubmitted(capture.getSpec(), Optional.empty()));
    capture.setStatus(status);
    return capture;
  }

  /** A capture Cloudflare is running as {@link #ID}. */
  static PacketCapture running(CaptureType type) {
    PacketCapture capture = unanswered(type, NOW.minusSeconds(60));
    capture.getStatus().setSubmissionStarted(null);
    capture.getStatus().setId(ID);
    capture.getStatus().setPhase(CapturePhase.Running);
    capture.getStatus().setRemoteStatus("running");
    return capture;
  }

  static RetryableApiException retryable(int status, Duration retryAfter) {
    return new RetryableApiException(
        "test", status, List.of(new ApiError(1, "busy")), retryAfter, null);
  }

  static TerminalApiException terminal(int status) {
    return new TerminalApiException("test", status, List.of(new ApiError(2, "refused")));
  }

  /** What a request budget paused for {@code wait} answers a call with. */
  static BudgetHeldException budgetHeld(Duration wait) {
    ApiBudget budget = new ApiBudget(100, Duration.ofMinutes(5), new ManualClock(NOW));
    budget.pause(FakeStore.TOKEN.fingerprint(), wait);
    try {
      new BudgetedPcapsApi(new FakePcapsApi(), budget).get(FakeStore.TOKEN, ACCOUNT, ID);
    } catch (BudgetHeldException held) {
      return held;
    }
    throw new AssertionError("the paused budget let the call go");
  }

  static AuthenticationException rejected() {
    return new AuthenticationException(
        "test", 403, List.of(new ApiError(10000, "Authentication error")));
  }
}
