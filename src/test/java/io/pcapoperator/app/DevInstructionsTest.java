package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The banner of {@code dev} tells what the samples hold, whichever samples they are. */
class DevInstructionsTest {
  private static final Path KUBECONFIG = Path.of("/tmp/dev/kubeconfig");
  private static final DevInstructions.Storage STORAGE =
      new DevInstructions.Storage(
          URI.create("http://127.0.0.1:9000"), "pcap-demo", "dev-id", "dev-secret");

  @Test
  void theDefaultSamplesHaveTheSecretAndAFullCaptureToStop() {
    String text =
        DevInstructions.text(
            KUBECONFIG,
            "pcap-demo",
            false,
            ManifestApplier.load(Path.of("config/samples")),
            new DevInstructions.Credentials(
                "t", "k", "e@example.com", "http://127.0.0.1:1/client/v4"),
            STORAGE);

    assertThat(text)
        .contains("Namespace pcap-demo has the Secret cloudflare-api.")
        .contains("  kubectl delete pcap ord-full-capture                 # stops it at Cloudflare")
        .contains(
            "The simulator accepts the API token t, or the API key k with the email e@example.com")
        .contains(
            "  kubectl create secret generic cloudflare-api-key --from-literal=apiKey=k"
                + " --from-literal=email=e@example.com")
        .doesNotContain("--from-literal=apiToken");
  }

  @Test
  void theS3ServerItsBucketAndTheSecretWithItsKeysAreNamed() {
    String text =
        DevInstructions.text(
            KUBECONFIG,
            "edge",
            false,
            List.of(),
            new DevInstructions.Credentials(
                "t", "k", "e@example.com", "http://127.0.0.1:1/client/v4"),
            STORAGE);

    assertThat(text)
        .contains(
            "The S3 server at http://127.0.0.1:9000 has the bucket pcap-demo; the Secret"
                + " pcap-demo-s3 in edge holds its keys; for a capture's output:")
        .contains(
            "  spec.output.s3: {bucket: pcap-demo, endpoint: \"http://127.0.0.1:9000\","
                + " credentialsSecretRef: {name: pcap-demo-s3}}")
        .contains(
            "  AWS_ACCESS_KEY_ID=dev-id AWS_SECRET_ACCESS_KEY=dev-secret aws --endpoint-url"
                + " http://127.0.0.1:9000 s3 ls --recursive s3://pcap-demo")
        .contains(
            "  kubectl pcap download NAME --s3-endpoint http://127.0.0.1:9000 --s3-secret"
                + " pcap-demo-s3 -o NAME");
  }

  @Test
  void samplesWithoutTheSecretOrAStoppableCaptureSayWhatToCreate() {
    GenericKubernetesResource orphan =
        Serialization.unmarshal(
            """
            apiVersion: pcap-operator.io/v1alpha1
            kind: PacketCapture
            metadata: {name: left-running}
            spec: {type: full, deletionPolicy: Orphan}
            """,
            GenericKubernetesResource.class);

    String text =
        DevInstructions.text(
            KUBECONFIG,
            "edge",
            true,
            List.of(orphan),
            new DevInstructions.Credentials(
                "edge-token", "edge-key", "edge@example.com", "http://127.0.0.1:1/client/v4"),
            STORAGE);

    assertThat(text)
        .contains("Namespace edge has no Secret yet: create it first.")
        .contains(
            "  kubectl create secret generic cloudflare-api --from-literal=apiToken=edge-token")
        .contains(
            "  kubectl create secret generic cloudflare-api --from-literal=apiKey=edge-key"
                + " --from-literal=email=edge@example.com")
        .doesNotContain("has the Secret")
        .doesNotContain("kubectl delete pcap")
        .contains("dev exits once every capture is done.");
  }
}
