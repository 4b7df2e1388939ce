package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import io.pcapoperator.pcapfile.PcapFileReader;
import io.pcapoperator.pcapfile.PcapFileSummary;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps a succeeded simple capture's pcap file: downloads it from Cloudflare once, reads its
 * summary, uploads it to the capture's output when it has one, and only then records {@code
 * status.artifact} and {@code status.summary}, in one write. A failure leaves the capture
 * Succeeded, with the condition {@code ArtifactStored=False} and its reason, and is tried again
 * with backoff.
 */
final class ArtifactKeeper {
  /** The condition that tells whether the file is stored. */
  static final String CONDITION = "ArtifactStored";

  private final PcapsApi api;
  private final ObjectStore objects;
  private final OutputResolver outputs;
  private final FailureBackoff backoff;
  private final Clock clock;
  private final ArtifactMetrics metrics;

  ArtifactKeeper(
      PcapsApi api,
      ObjectStore objects,
      OutputResolver outputs,
      FailureBackoff backoff,
      Clock clock,
      ArtifactMetrics metrics) {
    this.api = api;
    this.objects = objects;
    this.outputs = outputs;
    this.backoff = backoff;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Whether the capture has a file that is not yet read: a simple capture just succeeded. */
  static boolean pending(PacketCapture capture) {
    return capture.phase() == CapturePhase.Succeeded
        && capture.remoteId() != null
        && RecordedRequest.type(capture) == CaptureType.SIMPLE
        && capture.currentStatus().getArtifact() == null;
  }

  /** Reads, stores and records the file; or says why it could not, to be tried again. */
  Outcome keep(Attempt attempt) {
    PacketCapture capture = attempt.resource();
    OutputResolver.Resolution where = outputs.resolve(capture, attempt.store());
    if (where instanceof OutputResolver.Unusable unusable) {
      return failed(capture, "OutputUnusable", unusable.message());
    }
    byte[] file;
    try {
      file = api.download(attempt.credentials(), attempt.accountId(), capture.remoteId());
    } catch (BudgetHeldException held) {
      return Outcome.waitFor(held.held());
    } catch (CloudflareApiException e) {
      return failed(capture, "DownloadFailed", downloadFailure(capture, e));
    }
    PcapFileSummary facts;
    try {
      facts = PcapFileReader.read(new ByteArrayInputStream(file));
    } catch (IOException e) {
      return failed(
          capture, "InvalidPcap", "the file Cloudflare sent is not a pcap file: " + e.getMessage());
    }
    Optional<ArtifactOutput> output =
        where instanceof OutputResolver.Resolved resolved
            ? Optional.of(resolved.output())
            : Optional.empty();
    Optional<StoredObject> stored = Optional.empty();
    if (output.isPresent()) {
      try {
        CaptureFinalizer.ensure(capture, attempt.store());
        stored =
            Optional.of(
                objects.put(
                    output.get().target(),
                    output.get().key(),
                    file,
                    ObjectStore.PCAP_CONTENT_TYPE));
      } catch (StorageException e) {
        return failed(capture, "UploadFailed", e.getMessage());
      }
    }
    backoff.reset(attempt.uid());
    metrics.stored(facts.bytes());
    return recorded(capture, facts, stored, output);
  }

  private Outcome recorded(
      PacketCapture capture,
      PcapFileSummary facts,
      Optional<StoredObject> stored,
      Optional<ArtifactOutput> output) {
    Instant now = clock.instant();
    CaptureArtifact artifact = ArtifactRecords.of(facts, stored.map(StoredObject::uri), now);
    ArtifactRecords.expiry(capture, artifact, output.flatMap(ArtifactOutput::retention))
        .ifPresent(at -> artifact.setExpiresAt(Timestamps.format(at)));
    long generation = generationOf(capture);
    Optional<Outcome.Note> note =
        stored.map(
            s ->
                new Outcome.Note(
                    Outcome.Severity.NORMAL,
                    "ArtifactStored",
                    "stored "
                        + s.size()
                        + " bytes at "
                        + s.uri()
                        + " (sha256 "
                        + s.sha256()
                        + ")"));
    return new Outcome.Amend(
        status -> {
          status.setArtifact(artifact);
          status.setSummary(facts.summary());
          stored.ifPresent(
              s ->
                  StatusConditions.setOther(
                      status.getConditions(),
                      CONDITION,
                      true,
                      "Stored",
                      "stored at " + s.uri(),
                      generation,
                      now));
        },
        note,
        Optional.of(Duration.ZERO));
  }

  /**
   * The file could not be kept this time: the condition says why, a Warning tells a new reason, and
   * it is tried again after a backoff.
   */
  Outcome failed(PacketCapture capture, String reason, String message) {
    metrics.failed(reason);
    boolean newReason = !reason.equals(conditionReason(capture.currentStatus()));
    long generation = generationOf(capture);
    Instant now = clock.instant();
    return new Outcome.Amend(
        status ->
            StatusConditions.setOther(
                status.getConditions(), CONDITION, false, reason, message, generation, now),
        newReason
            ? Optional.of(new Outcome.Note(Outcome.Severity.WARNING, reason, message))
            : Optional.empty(),
        Optional.of(backoff.next(capture.getMetadata().getUid())));
  }

  private static String downloadFailure(PacketCapture capture, CloudflareApiException e) {
    return "downloading capture "
        + capture.remoteId()
        + " from Cloudflare failed"
        + (e instanceof RetryableApiException ? " (retrying)" : "")
        + ": "
        + e.apiMessage();
  }

  private static String conditionReason(PacketCaptureStatus status) {
    return status.getConditions().stream()
        .filter(c -> CONDITION.equals(c.getType()))
        .map(c -> c.getReason())
        .findFirst()
        .orElse(null);
  }

  private static long generationOf(PacketCapture capture) {
    Long generation = capture.getMetadata().getGeneration();
    return generation == null ? 0 : generation;
  }
}
