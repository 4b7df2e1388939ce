package io.pcapoperator.reconcile.bucket;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.S3Challenge;
import io.pcapoperator.reconcile.StorageKeys;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StorageTarget;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads the challenge file from the bucket itself, through its S3-compatible API (S3, R2, or GCS
 * through its interoperability endpoint), with the read keys of {@code spec.challenge.s3}: the file
 * is looked for under the directory of {@code destinationConf}, where Cloudflare writes it.
 */
public final class S3ChallengeReader implements ChallengeReader {
  private final ObjectStore objects;
  private final KubernetesClient client;

  /** A reader through {@code objects}, reading the keys' Secret with {@code client}. */
  public S3ChallengeReader(ObjectStore objects, KubernetesClient client) {
    this.objects = objects;
    this.client = client;
  }

  @Override
  public Result read(PcapBucket bucket, S3Challenge s3, String filename) {
    String namespace = bucket.getMetadata().getNamespace();
    String secretName = s3.getCredentialsSecretRef().getName();
    StorageKeys keys =
        StorageKeys.read(
            Optional.ofNullable(client.secrets().inNamespace(namespace).withName(secretName).get()),
            secretName,
            "this resource's namespace");
    if (keys.problem() != null) {
      return new Unavailable(keys.problem());
    }
    URI destination = URI.create(bucket.getSpec().getDestinationConf());
    String directory =
        Optional.ofNullable(destination.getPath()).orElse("").replaceAll("^/+|/+$", "");
    String key = directory.isEmpty() ? filename : directory + "/" + filename;
    StorageTarget target =
        StorageTarget.of(
            s3.getEndpoint(),
            s3.getRegion(),
            destination.getHost(),
            s3.getPathStyle(),
            keys.credentials());
    try {
      return objects
          .get(target, key)
          .<Result>map(bytes -> new Found(new String(bytes, StandardCharsets.UTF_8).strip()))
          .orElseGet(
              () ->
                  new Unavailable(
                      key
                          + " is not in bucket "
                          + destination.getHost()
                          + " yet; Cloudflare writes it shortly after the record is made"));
    } catch (StorageException e) {
      return new Unavailable("reading " + key + " failed: " + e.getMessage());
    }
  }
}
