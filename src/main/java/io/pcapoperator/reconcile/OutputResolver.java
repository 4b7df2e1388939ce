package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CaptureOutput;
import io.pcapoperator.api.v1alpha1.OutputDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.S3Output;
import io.pcapoperator.storage.ObjectKeys;
import io.pcapoperator.storage.StorageTarget;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds where a simple capture's file goes: its {@code spec.output}, else the operator's default
 * output, with the keys read from the Secret each names. Keys are described by name only.
 */
final class OutputResolver {
  private final Optional<DefaultOutput> defaults;

  OutputResolver(Optional<DefaultOutput> defaults) {
    this.defaults = defaults;
  }

  /** Where a capture's file goes, if anywhere. */
  sealed interface Resolution {}

  /** Neither the spec nor the operator names an output: the file is only summarised. */
  record NoOutput() implements Resolution {}

  /** The output, ready to write to. */
  record Resolved(ArtifactOutput output) implements Resolution {}

  /** An output is named but cannot be used, with a message fit for a condition. */
  record Unusable(String message) implements Resolution {}

  /** The output of {@code capture}, whose remote id is known. */
  Resolution resolve(PacketCapture capture, CaptureStore store) {
    CaptureOutput output = capture.getSpec() == null ? null : capture.getSpec().getOutput();
    String namespace = capture.getMetadata().getNamespace();
    String name = capture.getMetadata().getName();
    String id = capture.remoteId();
    if (output != null && output.getS3() != null) {
      S3Output s3 = output.getS3();
      StorageKeys keys =
          keys(
              store,
              namespace,
              s3.getCredentialsSecretRef().getName(),
              "the PacketCapture's namespace");
      if (keys.problem() != null) {
        return new Unusable(keys.problem());
      }
      return new Resolved(
          new ArtifactOutput(
              StorageTarget.of(
                  s3.getEndpoint(),
                  s3.getRegion(),
                  s3.getBucket(),
                  s3.getPathStyle(),
                  keys.credentials()),
              ObjectKeys.pcap(s3.getPrefix(), namespace, name, id),
              Optional.ofNullable(output.getRetention()).map(OutputResolver::duration),
              Optional.ofNullable(output.getDeletionPolicy()).orElse(OutputDeletionPolicy.Retain)));
    }
    if (defaults.isEmpty()) {
      return new NoOutput();
    }
    DefaultOutput d = defaults.get();
    StorageKeys keys = keys(store, d.secretNamespace(), d.secretName(), "the operator's namespace");
    if (keys.problem() != null) {
      return new Unusable(keys.problem());
    }
    return new Resolved(
        new ArtifactOutput(
            StorageTarget.of(
                d.endpoint(), d.region(), d.bucket(), d.pathStyle(), keys.credentials()),
            ObjectKeys.pcap(d.prefix(), namespace, name, id),
            d.retention(),
            OutputDeletionPolicy.Retain));
  }

  /** How long the capture's stored file is kept, if not for ever; reads no Secret. */
  Optional<Duration> retention(PacketCapture capture) {
    CaptureOutput output = capture.getSpec() == null ? null : capture.getSpec().getOutput();
    if (output != null && output.getS3() != null) {
      return Optional.ofNullable(output.getRetention()).map(OutputResolver::duration);
    }
    return defaults.flatMap(DefaultOutput::retention);
  }

  /** A Go-style duration of the CRD's pattern (168h, 1h30m, 45s). */
  static Duration duration(String text) {
    return Duration.parse("PT" + text.toUpperCase(Locale.ROOT));
  }

  private static StorageKeys keys(
      CaptureStore store, String namespace, String secretName, String where) {
    return StorageKeys.read(store.secret(namespace, secretName), secretName, where);
  }
}
