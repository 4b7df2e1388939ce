package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StorageTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Deletes a capture's stored file: at the end of its retention ({@code spec.output.retention} or
 * the default output's), and before the PacketCapture goes when its output's policy is Delete. A
 * deletion is never held for ever: after a few failed tries a Warning says the file was left.
 */
final class StoredFileRemover {
  private static final String S3_SCHEME = "s3://";

  private final ObjectStore objects;
  private final OutputResolver outputs;
  private final FailureBackoff backoff;
  private final int attempts;
  private final Clock clock;

  StoredFileRemover(
      ObjectStore objects,
      OutputResolver outputs,
      FailureBackoff backoff,
      int attempts,
      Clock clock) {
    this.objects = objects;
    this.outputs = outputs;
    this.backoff = backoff;
    this.attempts = attempts;
    this.clock = clock;
  }

  /** When the stored file's retention ends, if it is stored and has one. */
  Optional<Instant> retentionEnd(PacketCapture capture) {
    CaptureArtifact artifact = capture.currentStatus().getArtifact();
    if (artifact == null || artifact.getUri() == null || artifact.getDeletedAt() != null) {
      return Optional.empty();
    }
    return outputs
        .retention(capture)
        .flatMap(r -> Timestamps.parse(artifact.getStoredAt()).map(stored -> stored.plus(r)));
  }

  /** Deletes the file whose retention has ended, and records when. */
  Outcome expire(PacketCapture capture, CaptureStore store, ArtifactKeeper keeper) {
    Optional<String> failure = delete(capture, store);
    if (failure.isPresent()) {
      return keeper.failed(capture, "ExpiryFailed", failure.get());
    }
    backoff.reset(capture.getMetadata().getUid());
    Instant now = clock.instant();
    String uri = capture.currentStatus().getArtifact().getUri();
    String message = "deleted " + uri + " at the end of its retention";
    long generation = Optional.ofNullable(capture.getMetadata().getGeneration()).orElse(0L);
    return new Outcome.Amend(
        status -> {
          status.getArtifact().setDeletedAt(Timestamps.format(now));
          StatusConditions.setOther(
              status.getConditions(),
              ArtifactKeeper.CONDITION,
              false,
              "Expired",
              message,
              generation,
              now);
        },
        Optional.of(new Outcome.Note(Outcome.Severity.NORMAL, "ArtifactExpired", message)),
        Optional.of(Duration.ZERO));
  }

  /**
   * On deletion of a capture whose output's policy is Delete and whose file is stored: deletes it
   * and lets the resource go. Empty when there is no such file.
   */
  Optional<Outcome> onDeletion(PacketCapture capture, CaptureStore store) {
    CaptureArtifact artifact = capture.currentStatus().getArtifact();
    if (!CaptureFinalizer.deletesStoredFile(capture)
        || artifact == null
        || artifact.getUri() == null
        || artifact.getDeletedAt() != null) {
      return Optional.empty();
    }
    String uid = capture.getMetadata().getUid();
    Optional<String> failure = delete(capture, store);
    if (failure.isEmpty()) {
      backoff.reset(uid);
      return Optional.of(released(Outcome.Severity.NORMAL, "deleted " + artifact.getUri()));
    }
    if (backoff.failures(uid) + 1 >= attempts) {
      backoff.reset(uid);
      return Optional.of(
          released(
              Outcome.Severity.WARNING,
              artifact.getUri() + " was left in its bucket: " + failure.get()));
    }
    return Optional.of(Outcome.waitFor(backoff.next(uid)));
  }

  /** Deletes the stored file; the failure's message, if it failed. */
  private Optional<String> delete(PacketCapture capture, CaptureStore store) {
    OutputResolver.Resolution where = outputs.resolve(capture, store);
    if (where instanceof OutputResolver.Unusable unusable) {
      return Optional.of(unusable.message());
    }
    if (!(where instanceof OutputResolver.Resolved resolved)) {
      return Optional.of("the capture no longer names an output");
    }
    String uri = capture.currentStatus().getArtifact().getUri();
    String bucketAndKey = uri.substring(S3_SCHEME.length());
    int slash = bucketAndKey.indexOf('/');
    StorageTarget named = resolved.output().target();
    StorageTarget target =
        new StorageTarget(
            named.endpoint(),
            named.region(),
            bucketAndKey.substring(0, slash),
            named.pathStyle(),
            named.credentials());
    try {
      // The key recorded when the file was stored, whatever the prefix says now.
      objects.delete(target, bucketAndKey.substring(slash + 1));
      return Optional.empty();
    } catch (StorageException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static Outcome released(Outcome.Severity severity, String message) {
    return new Outcome.Released(
        Optional.of(new Outcome.Note(severity, "ArtifactDeleted", message)));
  }
}
