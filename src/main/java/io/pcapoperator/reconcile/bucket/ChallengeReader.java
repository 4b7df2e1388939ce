package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.S3Challenge;

/**
 * Reads the challenge file Cloudflare wrote into a bucket, through the bucket's S3-compatible API,
 * with the read keys that {@code spec.challenge.s3} names.
 */
public interface ChallengeReader {

  /** What reading the file gave: its contents, or why there are none yet. */
  sealed interface Result {}

  /** The file's contents. */
  record Found(String contents) implements Result {}

  /** No contents, with a message fit for a condition; never a key or a file's contents. */
  record Unavailable(String message) implements Result {}

  /** Reads {@code filename} from the bucket of {@code bucket.spec.destinationConf}. */
  Result read(PcapBucket bucket, S3Challenge s3, String filename);
}
