package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket ownership records: created pending, with a challenge file {@code
 * ownership-challenge-<id>.txt} written into the bucket, holding a random token that nothing else
 * reveals; validated only with that token (400, code 1015, for another), then success after the
 * validation delay, or failed when a fault says so (the right token sent again restarts the
 * validation). Listed oldest first. Until the simulator writes into real buckets, the files stay in
 * a simulated bucket that {@code GET /__admin/bucket-files} shows.
 */
final class Ownerships {
  private static final Logger LOG = LoggerFactory.getLogger(Ownerships.class);
  private static final int NOT_FOUND = 1003;
  private static final int CHALLENGE_MISMATCH = 1015;

  private final Clock clock;
  private final Duration validationDelay;
  private final Faults faults;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private BucketWriter writer;

  Ownerships(Clock clock, Duration validationDelay, Faults faults) {
    this.clock = clock;
    this.validationDelay = validationDelay;
    this.faults = faults;
  }

  private static final class Entry {
    private final String accountId;
    private final String id;
    private final String destinationConf;
    private final String challenge;
    private final Instant submitted;
    private Instant validationRequested;
    private boolean validationFails;

    private Entry(String accountId, String id, String destinationConf, Instant submitted) {
      this.accountId = accountId;
      this.id = id;
      this.destinationConf = destinationConf;
      this.challenge = Ids.next() + Ids.next();
      this.submitted = submitted;
    }

    private String filename() {
      return "ownership-challenge-" + id + ".txt";
    }
  }

  /** A file the simulator wrote into a bucket. */
  record BucketFile(String destinationConf, String name, String contents) {}

  /**
   * From now on, also writes each challenge file into the record's bucket with {@code writer}, when
   * it reaches that bucket, as Cloudflare does; the simulated bucket keeps its copy.
   */
  synchronized void writeChallengesWith(BucketWriter writer) {
    this.writer = writer;
  }

  private void writeChallenge(Entry entry) {
    if (writer == null) {
      return;
    }
    try {
      writer.write(
          entry.destinationConf,
          entry.filename(),
          entry.challenge.getBytes(StandardCharsets.UTF_8),
          "text/plain");
    } catch (StorageException e) {
      // Cloudflare's own write is not reported to whoever asked: the file is simply not there.
      LOG.warn(
          "could not write {} into {}: {}",
          entry.filename(),
          entry.destinationConf,
          e.getMessage());
    }
  }

  /** The challenge files written into the simulated buckets. */
  synchronized List<BucketFile> bucketFiles() {
    return entries.values().stream()
        .map(e -> new BucketFile(e.destinationConf, e.filename(), e.challenge))
        .toList();
  }

  synchronized Ownership create(String accountId, String destinationConf) {
    if (destinationConf == null || destinationConf.isBlank()) {
      throw new SimulatorError(400, 1002, "destination_conf is required");
    }
    if (!RequestValidator.BUCKET.matcher(destinationConf).matches()) {
      throw new SimulatorError(
          400, 1002, "destination_conf must be an s3://, gs:// or r2:// bucket URI");
    }
    Entry entry = new Entry(accountId, Ids.next(), destinationConf, clock.instant());
    entries.put(entry.id, entry);
    writeChallenge(entry);
    return view(entry);
  }

  synchronized List<Ownership> list(String accountId) {
    return entries.values().stream()
        .filter(e -> e.accountId.equals(accountId))
        .map(this::view)
        .toList();
  }

  synchronized void delete(String accountId, String id) {
    Entry entry = entries.get(id);
    if (entry == null || !entry.accountId.equals(accountId)) {
      throw new SimulatorError(404, NOT_FOUND, "ownership " + id + " not found");
    }
    entries.remove(id);
  }

  synchronized Ownership validate(String accountId, String destinationConf, String challenge) {
    if (destinationConf == null || challenge == null) {
      throw new SimulatorError(400, 1002, "destination_conf and ownership_challenge are required");
    }
    Instant now = clock.instant();
    // The newest record of the bucket that is not validated yet, else the newest.
    Entry entry =
        entries.values().stream()
            .filter(e -> e.accountId.equals(accountId) && e.destinationConf.equals(destinationConf))
            .reduce(
                (older, newer) ->
                    "success".equals(status(newer, now)) && !"success".equals(status(older, now))
                        ? older
                        : newer)
            .orElseThrow(
                () ->
                    new SimulatorError(
                        404, NOT_FOUND, "no ownership for destination_conf " + destinationConf));
    if (!challenge.strip().equals(entry.challenge)) {
      throw new SimulatorError(400, CHALLENGE_MISMATCH, "ownership_challenge does not match");
    }
    if (entry.validationRequested == null || "failed".equals(status(entry, now))) {
      entry.validationRequested = now;
      entry.validationFails = faults.takeOwnershipValidationFailure();
    }
    return view(entry);
  }

  /** Whether {@code destinationConf} is in a bucket whose ownership was validated. */
  synchronized boolean isValidated(String accountId, String destinationConf) {
    Instant now = clock.instant();
    return entries.values().stream()
        .anyMatch(
            e ->
                e.accountId.equals(accountId)
                    && destinationConf.startsWith(e.destinationConf)
                    && "success".equals(status(e, now)));
  }

  private String status(Entry entry, Instant now) {
    if (entry.validationRequested == null
        || now.isBefore(entry.validationRequested.plus(validationDelay))) {
      return "pending";
    }
    return entry.validationFails ? "failed" : "success";
  }

  private Ownership view(Entry entry) {
    Instant now = clock.instant();
    String status = status(entry, now);
    return new Ownership(
        entry.id,
        entry.destinationConf,
        entry.filename(),
        status,
        DateTimeFormatter.ISO_INSTANT.format(entry.submitted),
        "success".equals(status)
            ? DateTimeFormatter.ISO_INSTANT.format(entry.validationRequested.plus(validationDelay))
            : null);
  }
}
