package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * A simple capture that Cloudflare can serve the pcap file of: it succeeded and has an id. {@link
 * #of} refuses any other capture with a line that says why.
 *
 * @param name the PacketCapture's name
 * @param accountId the account the capture was made in, as the request was sent
 * @param captureId Cloudflare's id of the capture
 * @param secretName the Secret with the Cloudflare credentials
 * @param sha256 the file's SHA-256 in {@code status.artifact}, when the operator recorded one
 */
record DownloadableCapture(
    String name, String accountId, String captureId, String secretName, Optional<String> sha256) {

  /** The capture's file to download, or a {@link PluginFailure} saying why there is none. */
  static DownloadableCapture of(PacketCapture capture) {
    String name = capture.getMetadata().getName();
    PacketCaptureStatus status = capture.currentStatus();
    Optional<CaptureArtifact> artifact = Optional.ofNullable(status.getArtifact());
    if (status.getPhase() != CapturePhase.Succeeded) {
      throw new PluginFailure(notSucceeded(name, status));
    }
    if (status.getId() == null || status.getId().isBlank()) {
      throw new PluginFailure(name + " has no status.id: its Cloudflare capture is not known");
    }
    String accountId =
        Optional.ofNullable(status.getRequest())
            .map(SubmittedRequest::getAccountId)
            .orElse(capture.getSpec().getAccountId());
    return new DownloadableCapture(
        name,
        accountId,
        status.getId(),
        capture.getSpec().getCredentialsSecretRef().getName(),
        artifact.map(CaptureArtifact::getSha256).filter(s -> !s.isBlank()));
  }

  /**
   * Fails, writing nothing, when {@code bytes} do not have the SHA-256 that {@code
   * status.artifact.sha256} records; true when they were checked, false when there was none.
   */
  boolean checkDigest(byte[] bytes) {
    if (sha256.isEmpty()) {
      return false;
    }
    String actual = HexFormat.of().formatHex(sha256(bytes));
    if (!actual.equalsIgnoreCase(sha256.get())) {
      throw new PluginFailure(
          "the file Cloudflare served for "
              + name
              + " has SHA-256 "
              + actual
              + ", not "
              + sha256.get()
              + " as status.artifact.sha256 records; nothing written");
    }
    return true;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static String notSucceeded(String name, PacketCaptureStatus status) {
    CapturePhase phase = status.getPhase();
    if (phase == null) {
      return name + " has no phase yet (is the operator running?); there is no file to download";
    }
    if (phase.isTerminal()) {
      String why = status.getErrorMessage();
      return name
          + " did not succeed (phase "
          + phase
          + (why == null || why.isBlank() ? "" : ": " + why)
          + "); there is no file to download";
    }
    return name
        + " has not succeeded yet (phase "
        + phase
        + "); download it once kubectl wait --for=condition=Ready pcap/"
        + name
        + " returns";
  }
}
