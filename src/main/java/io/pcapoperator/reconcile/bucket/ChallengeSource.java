package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.BucketChallenge;
import io.pcapoperator.api.v1alpha1.PcapBucket;

/**
 * Where a bucket's challenge comes from: spec.challenge.value, the bucket itself through the {@link
 * ChallengeReader} when spec.challenge.s3 is set, or nowhere yet (the user is told what to copy).
 */
final class ChallengeSource {
  private final ChallengeReader reader;

  ChallengeSource(ChallengeReader reader) {
    this.reader = reader;
  }

  /** The contents of {@code filename} for {@code bucket}, or why there are none. */
  ChallengeReader.Result challenge(PcapBucket bucket, String filename) {
    BucketChallenge challenge = bucket.getSpec().getChallenge();
    if (challenge != null && challenge.getValue() != null && !challenge.getValue().isBlank()) {
      return new ChallengeReader.Found(challenge.getValue());
    }
    if (challenge != null && challenge.getS3() != null) {
      return reader.read(bucket, challenge.getS3(), filename);
    }
    return new ChallengeReader.Unavailable(
        "Cloudflare wrote "
            + filename
            + " into the bucket: put its contents in spec.challenge.value, or give"
            + " spec.challenge.s3 for the operator to read it");
  }
}
