package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.S3Challenge;

/**
 * The {@link ChallengeReader} of a build without an S3 client: it reads nothing and says so, so
 * that the bucket waits for {@code spec.challenge.value} instead of pretending to validate.
 */
public final class NoStorageChallengeReader implements ChallengeReader {
  @Override
  public Result read(PcapBucket bucket, S3Challenge s3, String filename) {
    return new Unavailable(
        "this operator cannot read challenge files from S3 yet; copy the contents of "
            + filename
            + " from the bucket into spec.challenge.value (and remove spec.challenge.s3)");
  }
}
