package io.pcapoperator.reconcile.bucket;

import static io.pcapoperator.reconcile.bucket.FakeOwnershipApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.BucketChallenge;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketSpec;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.api.v1alpha1.S3Challenge;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.api.v1alpha1.StorageSecretReference;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.ApiError;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.reconcile.ReconcilerSettings;
import io.pcapoperator.reconcile.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The PcapBucket controller's decisions, against ownership records held in memory. */
class BucketSyncTest {
  private static final String BUCKET = "s3://pcaps/full?region=us-east-1";
  private static final String ID = "66802ca5668e47a2b82c2e6746e45037";

  private final FakeOwnershipApi api = new FakeOwnershipApi();
  private final Deque<ChallengeReader.Result> reads = new ArrayDeque<>();
  private final ScaledClock clock = ScaledClock.real();
  private final BucketSettings settings = BucketSettings.from(ReconcilerSettings.defaults());
  private final BucketFailures failures = new BucketFailures(settings);
  private final ValidationPolls polls =
      new ValidationPolls(settings.firstPoll(), settings.maxPoll());
  private final BucketSync sync =
      new BucketSync(
          api,
          failures,
          new OwnershipCreator(api, failures, clock),
          new UnvalidatedRecord(
              new ChallengeSource((bucket, s3, filename) -> reads.remove()),
              new ChallengeValidator(api, failures, polls, clock),
              polls,
              settings.failedRetry(),
              clock),
          settings.firstPoll(),
          clock);

  private static PcapBucket bucket(BucketChallenge challenge) {
    PcapBucketSpec spec = new PcapBucketSpec();
    spec.setAccountId(FakeOwnershipApi.ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference("cloudflare-api"));
    spec.setDestinationConf(BUCKET);
    spec.setChallenge(challenge);
    PcapBucket bucket = new PcapBucket();
    bucket.getMetadata().setName("pcaps");
    bucket.getMetadata().setNamespace("netops");
    bucket.getMetadata().setUid("uid-1");
    bucket.setSpec(spec);
    bucket.setStatus(new PcapBucketStatus());
    return bucket;
  }

  private static BucketChallenge value(String contents) {
    BucketChallenge challenge = new BucketChallenge();
    challenge.setValue(contents);
    return challenge;
  }

  /** Runs one reconciliation and applies its outcome as the writer would; returns it. */
  private BucketOutcome.Progress reconcile(PcapBucket bucket) {
    FakeBucketStore store = new FakeBucketStore(bucket);
    BucketOutcome outcome = sync.sync(new BucketAttempt(bucket, store, FakeBucketStore.TOKEN));
    BucketOutcome.Progress progress = (BucketOutcome.Progress) outcome;
    PcapBucketStatus status = store.current().getStatus();
    status.setPhase(progress.phase());
    status.setMessage(progress.message());
    progress.edits().accept(status);
    return progress;
  }

  @Test
  void withNoRecordItCreatesOneAfterMarkingTheCreateAndRecordsItsId() {
    PcapBucket bucket = bucket(null);
    FakeBucketStore store = new FakeBucketStore(bucket);

    BucketOutcome.Progress created =
        (BucketOutcome.Progress) sync.sync(new BucketAttempt(bucket, store, FakeBucketStore.TOKEN));
    created.edits().accept(bucket.getStatus());

    assertThat(store.writes).singleElement().asString().startsWith("createStarted=20");
    assertThat(api.calls).containsExactly("list", "create " + BUCKET);
    assertThat(created.requeue()).contains(Duration.ZERO);
    assertThat(created.notes()).extracting(BucketOutcome.Note::reason).containsExactly("Created");
    assertThat(bucket.getStatus().getOwnershipId()).isEqualTo(api.records.get(0).id());
    assertThat(bucket.getStatus().getFilename()).isEqualTo(api.records.get(0).filename());
    assertThat(bucket.getStatus().getCreateStarted()).isNull();
    assertThat(bucket.getStatus().getAdopted()).isFalse();
  }

  @Test
  void withNeitherValueNorS3ItWaitsNamingTheFile() {
    PcapBucket bucket = bucket(null);
    reconcile(bucket);

    BucketOutcome.Progress waiting = reconcile(bucket);

    assertThat(waiting.phase()).isEqualTo(BucketPhase.AwaitingChallenge);
    assertThat(waiting.reason()).isEqualTo(BucketReason.AwaitingChallenge);
    assertThat(waiting.message())
        .contains(bucket.getStatus().getFilename(), "spec.challenge.value");
    assertThat(waiting.requeue()).isEmpty();
    assertThat(api.count("create")).isEqualTo(1);
  }

  @Test
  void anS3ChallengeWaitsForTheFileThenSendsWhatTheBucketHolds() {
    BucketChallenge challenge = new BucketChallenge();
    S3Challenge s3 = new S3Challenge();
    s3.setCredentialsSecretRef(new StorageSecretReference("bucket-reader"));
    challenge.setS3(s3);
    PcapBucket bucket = bucket(challenge);
    reconcile(bucket);
    reads.add(new ChallengeReader.Unavailable("the file is not in bucket pcaps yet"));
    reads.add(new ChallengeReader.Found("read-from-the-bucket"));

    BucketOutcome.Progress waiting = reconcile(bucket);
    assertThat(waiting.phase()).isEqualTo(BucketPhase.AwaitingChallenge);
    assertThat(waiting.message()).contains("not in bucket pcaps yet");
    assertThat(waiting.requeue()).isPresent();
    assertThat(api.count("validate")).isZero();

    reconcile(bucket);
    assertThat(api.count("validate")).isEqualTo(1);
  }

  @Test
  void aValueIsSentOnceThenTheRecordIsPolledUntilValidated() {
    PcapBucket bucket = bucket(value("the-contents\n"));
    reconcile(bucket);

    BucketOutcome.Progress sent = reconcile(bucket);
    BucketOutcome.Progress polled = reconcile(bucket);

    assertThat(sent.phase()).isEqualTo(BucketPhase.Validating);
    assertThat(sent.requeue()).contains(settings.firstPoll());
    assertThat(sent.notes())
        .extracting(BucketOutcome.Note::reason)
        .containsExactly("ChallengeSent");
    assertThat(polled.phase()).isEqualTo(BucketPhase.Validating);
    assertThat(api.calls).containsOnlyOnce("validate the-contents");
    assertThat(bucket.getStatus().getChallengeHash()).matches("[0-9a-f]{16}");

    api.records.set(0, record(api.records.get(0).id(), BUCKET, "success"));
    BucketOutcome.Progress validated = reconcile(bucket);

    assertThat(validated.phase()).isEqualTo(BucketPhase.Validated);
    assertThat(bucket.getStatus().getValidatedAt()).isEqualTo("2026-11-22T08:06:00Z");
    assertThat(validated.requeue()).isEmpty();
  }

  @Test
  void theWrongChallengeWaitsForAnotherValueWithoutSendingItAgain() {
    PcapBucket bucket = bucket(value("wrong"));
    reconcile(bucket);
    api.validateFailure =
        new TerminalApiException(
            "validate ownership", 400, List.of(new ApiError(1015, "challenge does not match")));

    BucketOutcome.Progress refused = reconcile(bucket);
    BucketOutcome.Progress again = reconcile(bucket);

    assertThat(refused.phase()).isEqualTo(BucketPhase.AwaitingChallenge);
    assertThat(refused.reason()).isEqualTo(BucketReason.WrongChallenge);
    assertThat(refused.reason().warning()).isTrue();
    assertThat(refused.message())
        .contains("challenge does not match", bucket.getStatus().getFilename())
        .doesNotContain("wrong");
    assertThat(refused.requeue()).isEmpty();
    assertThat(again.reason()).isEqualTo(BucketReason.WrongChallenge);
    assertThat(again.message()).isEqualTo(refused.message());
    assertThat(api.count("validate")).isEqualTo(1);

    api.validateFailure = null;
    bucket.getSpec().setChallenge(value("right"));
    assertThat(reconcile(bucket).phase()).isEqualTo(BucketPhase.Validating);
    assertThat(api.calls).contains("validate right");
  }

  @Test
  void aFailedValidationWaitsForItsRetryUnlessTheValueChanges() {
    PcapBucket bucket = bucket(value("contents"));
    reconcile(bucket);
    reconcile(bucket);
    api.records.set(0, record(api.records.get(0).id(), BUCKET, "failed"));

    BucketOutcome.Progress failed = reconcile(bucket);

    assertThat(failed.phase()).isEqualTo(BucketPhase.Failed);
    assertThat(failed.reason()).isEqualTo(BucketReason.ValidationFailed);
    assertThat(failed.requeue().orElseThrow())
        .isPositive()
        .isLessThanOrEqualTo(settings.failedRetry());
    assertThat(api.count("validate")).isEqualTo(1);

    Instant longAgo = clock.instant().minus(settings.failedRetry()).minusSeconds(1);
    bucket.getStatus().setValidationSentAt(Timestamps.format(longAgo));
    assertThat(reconcile(bucket).phase()).isEqualTo(BucketPhase.Validating);
    assertThat(api.count("validate")).isEqualTo(2);

    api.records.set(0, record(api.records.get(0).id(), BUCKET, "failed"));
    bucket.getSpec().setChallenge(value("other"));
    assertThat(reconcile(bucket).phase()).isEqualTo(BucketPhase.Validating);
    assertThat(api.calls).contains("validate other");
  }

  @Test
  void aRecordForTheSameBucketIsAdoptedWithNoCreate() {
    api.records.add(record("00000000000000000000000000000001", "gs://other", "success"));
    api.records.add(record(ID, BUCKET, "success"));
    PcapBucket bucket = bucket(null);

    BucketOutcome.Progress adopted = reconcile(bucket);

    assertThat(adopted.phase()).isEqualTo(BucketPhase.Validated);
    assertThat(adopted.notes()).extracting(BucketOutcome.Note::reason).containsExactly("Adopted");
    assertThat(bucket.getStatus().getOwnershipId()).isEqualTo(ID);
    assertThat(bucket.getStatus().getAdopted()).isTrue();
    assertThat(api.count("create")).isZero();
  }

  @Test
  void aCreateWhoseAnswerWasLostIsSettledFromTheListNotSentAgain() {
    api.records.add(record(ID, BUCKET, "pending"));
    PcapBucket bucket = bucket(null);
    bucket.getStatus().setCreateStarted(Timestamps.format(clock.instant().minusSeconds(5)));

    reconcile(bucket);

    assertThat(api.count("create")).isZero();
    assertThat(bucket.getStatus().getOwnershipId()).isEqualTo(ID);
    assertThat(bucket.getStatus().getAdopted()).as("the lost create made it").isFalse();
    assertThat(bucket.getStatus().getCreateStarted()).isNull();
  }

  @Test
  void aLostCreateIsSentAgainOnlyAfterTheListHadTimeToShowIt() {
    PcapBucket bucket = bucket(null);
    bucket.getStatus().setCreateStarted(Timestamps.format(clock.instant().minusSeconds(5)));

    BucketOutcome.Progress confirming = reconcile(bucket);

    assertThat(confirming.phase()).isEqualTo(BucketPhase.Pending);
    assertThat(confirming.requeue().orElseThrow()).isPositive();
    assertThat(api.count("create")).isZero();

    bucket
        .getStatus()
        .setCreateStarted(
            Timestamps.format(clock.instant().minus(settings.firstPoll()).minusSeconds(1)));
    reconcile(bucket);
    assertThat(api.count("create")).isEqualTo(1);
  }

  @Test
  void aCreateThatMayHaveMadeARecordKeepsItsMarkAndOneRefusedClearsIt() {
    PcapBucket bucket = bucket(null);
    api.createFailure = new RetryableApiException("create ownership", 502, List.of(), null, null);

    BucketOutcome.Progress unknown = reconcile(bucket);

    assertThat(unknown.reason()).isEqualTo(BucketReason.RemoteUnavailable);
    assertThat(bucket.getStatus().getCreateStarted()).isNotNull();

    bucket
        .getStatus()
        .setCreateStarted(
            Timestamps.format(clock.instant().minus(settings.firstPoll()).minusSeconds(1)));
    api.createFailure =
        new TerminalApiException(
            "create ownership", 400, List.of(new ApiError(1002, "bad destination_conf")));
    BucketOutcome.Progress refused = reconcile(bucket);

    assertThat(refused.phase()).isEqualTo(BucketPhase.Failed);
    assertThat(refused.reason()).isEqualTo(BucketReason.RemoteRejected);
    assertThat(refused.message()).contains("bad destination_conf");
    assertThat(bucket.getStatus().getCreateStarted()).isNull();
  }

  @Test
  void aRecordGoneAtCloudflareIsForgottenAndMadeAgainLater() {
    PcapBucket bucket = bucket(null);
    reconcile(bucket);
    api.records.clear();

    BucketOutcome.Progress gone = reconcile(bucket);

    assertThat(gone.phase()).isEqualTo(BucketPhase.Pending);
    assertThat(gone.notes())
        .extracting(BucketOutcome.Note::reason)
        .containsExactly("OwnershipGone");
    assertThat(bucket.getStatus().getOwnershipId()).isNull();
    reconcile(bucket);
    assertThat(api.count("create")).isEqualTo(2);
  }
}
