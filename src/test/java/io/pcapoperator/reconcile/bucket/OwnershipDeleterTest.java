package io.pcapoperator.reconcile.bucket;

import static io.pcapoperator.reconcile.bucket.FakeOwnershipApi.record;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.BucketDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketSpec;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.cloudflare.ApiError;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.reconcile.CredentialsReader;
import io.pcapoperator.reconcile.ReconcilerSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What deleting a PcapBucket does to its ownership record. */
class OwnershipDeleterTest {
  private static final String BUCKET = "s3://pcaps";
  private static final String ID = "66802ca5668e47a2b82c2e6746e45037";

  private final FakeOwnershipApi api = new FakeOwnershipApi();
  private final BucketSettings settings = BucketSettings.from(ReconcilerSettings.defaults());
  private final OwnershipDeleter deleter = new OwnershipDeleter(api, new BucketFailures(settings));

  private static PcapBucket bucket(Boolean adopted, BucketDeletionPolicy policy) {
    PcapBucketSpec spec = new PcapBucketSpec();
    spec.setAccountId(FakeOwnershipApi.ACCOUNT);
    spec.setDestinationConf(BUCKET);
    spec.setDeletionPolicy(policy);
    PcapBucket bucket = new PcapBucket();
    bucket.getMetadata().setUid("uid-1");
    bucket.setSpec(spec);
    bucket.setStatus(new PcapBucketStatus());
    bucket.getStatus().setOwnershipId(ID);
    bucket.getStatus().setAdopted(adopted);
    return bucket;
  }

  private BucketOutcome cleanup(PcapBucket bucket) {
    return deleter.cleanup(bucket, new FakeBucketStore(bucket));
  }

  private static String noteReason(BucketOutcome outcome) {
    return ((BucketOutcome.Released) outcome).note().map(BucketOutcome.Note::reason).orElse(null);
  }

  @Test
  void aRecordTheOperatorCreatedIsDeletedByDefault() {
    api.records.add(record(ID, BUCKET, "success"));

    BucketOutcome outcome = cleanup(bucket(false, null));

    assertThat(noteReason(outcome)).isEqualTo("Deleted");
    assertThat(api.calls).containsExactly("delete " + ID);
    assertThat(api.records).isEmpty();
  }

  @Test
  void anAdoptedRecordIsKeptByDefaultAndDeletedWhenThePolicySaysDelete() {
    assertThat(noteReason(cleanup(bucket(true, null)))).isEqualTo("Orphaned");
    assertThat(noteReason(cleanup(bucket(false, BucketDeletionPolicy.Orphan))))
        .isEqualTo("Orphaned");
    assertThat(api.calls).isEmpty();

    assertThat(noteReason(cleanup(bucket(true, BucketDeletionPolicy.Delete)))).isEqualTo("Deleted");
  }

  @Test
  void aRecordAlreadyGoneLetsTheResourceGoQuietly() {
    api.deleteFailure =
        new TerminalApiException("delete ownership", 404, List.of(new ApiError(1003, "gone")));

    assertThat(cleanup(bucket(false, null)))
        .isEqualTo(new BucketOutcome.Released(java.util.Optional.empty()));
  }

  @Test
  void transientFailuresAreRetriedThenTheResourceGoesWithAWarning() {
    api.deleteFailure = new RetryableApiException("delete ownership", 503, List.of(), null, null);
    PcapBucket bucket = bucket(false, null);

    for (int i = 1; i < settings.deleteAttempts(); i++) {
      assertThat(cleanup(bucket)).isInstanceOf(BucketOutcome.Wait.class);
    }
    BucketOutcome last = cleanup(bucket);

    assertThat(noteReason(last)).isEqualTo("DeleteFailed");
    assertThat(((BucketOutcome.Released) last).note().orElseThrow().message()).contains(ID);
  }

  @Test
  void withoutCredentialsTheResourceGoesWithAWarningNamingNoSecretValue() {
    PcapBucket bucket = bucket(false, null);
    FakeBucketStore store = new FakeBucketStore(bucket);
    store.credentials = new CredentialsReader.Missing("Secret cloudflare-api not found");

    BucketOutcome outcome = deleter.cleanup(bucket, store);

    assertThat(noteReason(outcome)).isEqualTo("DeleteFailed");
    assertThat(api.calls).isEmpty();
  }

  @Test
  void aRecordWhoseCreateAnswerWasLostIsFoundAndDeleted() {
    api.records.add(record(ID, BUCKET, "pending"));
    PcapBucket bucket = bucket(null, null);
    bucket.getStatus().setOwnershipId(null);
    bucket.getStatus().setCreateStarted("2026-11-22T08:00:00Z");

    assertThat(noteReason(cleanup(bucket))).isEqualTo("Deleted");
    assertThat(api.calls).containsExactly("list", "delete " + ID);
  }
}
