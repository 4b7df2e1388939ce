package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CaptureOutput;
import io.pcapoperator.api.v1alpha1.OutputDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.S3Output;
import io.pcapoperator.api.v1alpha1.StorageSecretReference;
import io.pcapoperator.simulator.EmbeddedS3;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A stored pcap file goes when its retention ends, or with its PacketCapture when the output's
 * policy is Delete; with the default policy it stays after the PacketCapture is deleted.
 */
@ExtendWith(RunningOperator.class)
class StoredFileLifecycleTest {
  private static final StorageCredentials KEYS =
      new StorageCredentials("retention-key-id", "retention-secret-key");
  private static final String BUCKET = "kept";
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private EmbeddedS3 s3;
  private final ObjectStore objects = new S3ObjectStore();

  @BeforeEach
  void startStore() {
    s3 = EmbeddedS3.start(0, KEYS.accessKeyId(), KEYS.secretAccessKey(), List.of(BUCKET));
  }

  @AfterEach
  void stopStore() {
    objects.close();
    s3.close();
  }

  private PacketCapture stored(
      OperatorHarness harness, String name, String retention, OutputDeletionPolicy policy) {
    harness
        .client()
        .secrets()
        .inNamespace(OperatorHarness.NAMESPACE)
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("s3-keys-" + name)
                .endMetadata()
                .withStringData(
                    Map.of(
                        "accessKeyId", KEYS.accessKeyId(),
                        "secretAccessKey", KEYS.secretAccessKey()))
                .build())
        .create();
    S3Output target = new S3Output();
    target.setBucket(BUCKET);
    target.setEndpoint(s3.endpoint().toString());
    target.setCredentialsSecretRef(new StorageSecretReference("s3-keys-" + name));
    CaptureOutput output = new CaptureOutput();
    output.setS3(target);
    output.setRetention(retention);
    output.setDeletionPolicy(policy);
    PacketCapture capture = OperatorHarness.simple(name);
    capture.getSpec().setOutput(output);
    harness.apply(capture);
    return harness.await(
        name,
        c ->
            c.getStatus() != null
                && c.getStatus().getArtifact() != null
                && c.getStatus().getArtifact().getUri() != null,
        TIMEOUT);
  }

  private OptionalLong sizeOf(CaptureArtifact artifact) {
    String key = artifact.getUri().substring(("s3://" + BUCKET + "/").length());
    return objects.size(StorageTarget.of(s3.endpoint().toString(), null, BUCKET, null, KEYS), key);
  }

  private static void deleteAndAwaitGone(OperatorHarness harness, String name) {
    harness.client().resource(harness.get(name)).delete();
    await().atMost(TIMEOUT).until(() -> harness.get(name) == null);
  }

  @Test
  void theStoredFileIsDeletedWhenItsRetentionEnds(OperatorHarness harness) {
    PacketCapture capture = stored(harness, "short-kept", "10m", null);
    CaptureArtifact artifact = capture.getStatus().getArtifact();
    assertThat(sizeOf(artifact)).hasValue(artifact.getBytes());
    assertThat(Instant.parse(artifact.getExpiresAt()))
        .isEqualTo(Instant.parse(artifact.getStoredAt()).plus(Duration.ofMinutes(10)));

    PacketCapture expired =
        harness.await(
            "short-kept", c -> c.getStatus().getArtifact().getDeletedAt() != null, TIMEOUT);

    assertThat(sizeOf(expired.getStatus().getArtifact())).isEmpty();
    assertThat(Instant.parse(expired.getStatus().getArtifact().getDeletedAt()))
        .isAfterOrEqualTo(Instant.parse(artifact.getExpiresAt()));
  }

  @Test
  void theFileGoesWithItsCaptureOnlyWhenThePolicyIsDelete(OperatorHarness harness) {
    CaptureArtifact deleted =
        stored(harness, "goes", null, OutputDeletionPolicy.Delete).getStatus().getArtifact();
    CaptureArtifact retained = stored(harness, "stays", null, null).getStatus().getArtifact();

    deleteAndAwaitGone(harness, "goes");
    deleteAndAwaitGone(harness, "stays");

    assertThat(sizeOf(deleted)).isEmpty();
    assertThat(sizeOf(retained)).hasValue(retained.getBytes());
  }
}
