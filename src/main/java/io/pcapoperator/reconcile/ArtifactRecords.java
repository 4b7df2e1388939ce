package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.SubmittedRequest;
import io.pcapoperator.pcapfile.PcapFileSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Builds {@code status.artifact} from a read file, and says when it expires. */
final class ArtifactRecords {
  private ArtifactRecords() {}

  /** The record of a file read (and stored at {@code uri}, if it was) at {@code now}. */
  static CaptureArtifact of(PcapFileSummary facts, Optional<String> uri, Instant now) {
    CaptureArtifact artifact = new CaptureArtifact();
    artifact.setUri(uri.orElse(null));
    artifact.setBytes(facts.bytes());
    artifact.setSha256(facts.sha256());
    artifact.setPackets(facts.summary().getPackets());
    artifact.setFirstPacketTime(facts.summary().getFirstPacketTime());
    artifact.setLastPacketTime(facts.summary().getLastPacketTime());
    uri.ifPresent(stored -> artifact.setStoredAt(Timestamps.format(now)));
    return artifact;
  }

  /**
   * Whether a full capture that wrote files (it succeeded or was stopped) does not yet say where
   * they are.
   */
  static boolean fullCaptureUnlocated(PacketCapture capture) {
    return (capture.phase() == CapturePhase.Succeeded || capture.phase() == CapturePhase.Stopped)
        && capture.remoteId() != null
        && RecordedRequest.type(capture) == CaptureType.FULL
        && capture.currentStatus().getArtifact() == null;
  }

  /**
   * Where a full capture's files are: the bucket it was sent to, and the file name Cloudflare gives
   * them ({@code pcap_<id>.pcap}; a long capture may be split over several).
   */
  static CaptureArtifact located(PacketCapture capture) {
    CaptureArtifact artifact = new CaptureArtifact();
    artifact.setLocation(
        RecordedRequest.of(capture).map(SubmittedRequest::getDestinationConf).orElse(null));
    artifact.setFiles(List.of("pcap_" + capture.remoteId() + ".pcap"));
    return artifact;
  }

  /**
   * When the operator deletes the stored file (its retention after it was stored) or the
   * PacketCapture (its time to live after it finished), whichever comes first.
   */
  static Optional<Instant> expiry(
      PacketCapture capture, CaptureArtifact artifact, Optional<Duration> retention) {
    Optional<Instant> fileGone =
        retention.flatMap(
            r -> Timestamps.parse(artifact.getStoredAt()).map(stored -> stored.plus(r)));
    Optional<Instant> resourceGone =
        Optional.ofNullable(capture.getSpec().getTtlSecondsAfterFinished())
            .flatMap(
                ttl ->
                    Timestamps.parse(capture.currentStatus().getFinishedAt())
                        .map(finished -> finished.plusSeconds(ttl)));
    return Stream.of(fileGone, resourceGone).flatMap(Optional::stream).min(Instant::compareTo);
  }
}
