package io.pcapoperator.reconcile;

import java.time.Duration;
import java.util.Optional;

/**
 * The operator's own output for simple captures whose spec names none: an S3-compatible bucket,
 * with its keys in a Secret of the operator's namespace.
 *
 * @param bucket the bucket
 * @param prefix the key prefix, or null for none
 * @param endpoint the store's URL, or null for AWS S3
 * @param region the region, or null for the default
 * @param pathStyle path-style addressing, or null for the default (true with an endpoint)
 * @param secretNamespace the namespace of the Secret with the keys accessKeyId and secretAccessKey
 * @param secretName that Secret's name
 * @param retention how long stored files are kept, if not for ever
 */
public record DefaultOutput(
    String bucket,
    String prefix,
    String endpoint,
    String region,
    Boolean pathStyle,
    String secretNamespace,
    String secretName,
    Optional<Duration> retention) {}
