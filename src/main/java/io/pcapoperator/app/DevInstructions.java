package io.pcapoperator.app;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code dev} prints once it is up: how to reach it with kubectl, and what to try. It tells
 * what the samples about to be applied hold: whether the Secret that the captures of {@code
 * config/dev/} name will exist, and which full capture a deletion would stop.
 */
final class DevInstructions {
  /** The credentials Secret that {@code config/dev/my-first-capture.yaml} names. */
  static final String SECRET = "cloudflare-api";

  /** The bucket of the S3 server. */
  static final String S3_BUCKET = "pcap-demo";

  /** The Secret with the S3 server's keys. */
  static final String S3_SECRET = "pcap-demo-s3";

  /**
   * The simulator: what it accepts (an API token, or a global API key with its account email), and
   * where it is.
   *
   * @param token the API token (Secret key {@code apiToken})
   * @param apiKey the global API key (Secret key {@code apiKey})
   * @param email the account email of {@code apiKey} (Secret key {@code email})
   * @param baseUrl its API base, for {@code kubectl pcap download}
   */
  record Credentials(String token, String apiKey, String email, String baseUrl) {}

  /**
   * The S3-compatible server.
   *
   * @param endpoint its URL
   * @param bucket its bucket
   * @param accessKeyId the access key id it accepts
   * @param secretAccessKey the secret of that key
   */
  record Storage(URI endpoint, String bucket, String accessKeyId, String secretAccessKey) {}

  private DevInstructions() {}

  /**
   * The instructions for a {@code dev} run.
   *
   * @param samples the manifests {@code dev} applies to {@code namespace}, empty for {@code
   *     --samples none}
   * @param credentials what the simulator accepts, for a Secret the user creates
   * @param storage the S3 server, whose keys the Secret {@value #S3_SECRET} holds
   */
  static String text(
      Path kubeconfig,
      String namespace,
      boolean exitWhenDone,
      List<GenericKubernetesResource> samples,
      Credentials credentials,
      Storage storage) {
    boolean hasSecret =
        samples.stream().anyMatch(m -> "Secret".equals(m.getKind()) && SECRET.equals(name(m)));
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(
        "Ready. Namespace "
            + namespace
            + (hasSecret
                ? " has the Secret " + SECRET + "."
                : " has no Secret yet: create it first.")
            + " In another terminal:");
    lines.add("");
    lines.add("  export KUBECONFIG=" + kubeconfig);
    if (!hasSecret) {
      lines.add(
          "  kubectl create secret generic "
              + SECRET
              + " --from-literal=apiToken="
              + credentials.token());
    }
    lines.add("  kubectl get pcap -w");
    lines.add("  kubectl apply -f config/dev/my-first-capture.yaml");
    lines.add("  kubectl wait --for=condition=Ready pcap/my-first-capture --timeout=2m");
    lines.add("  kubectl describe pcap my-first-capture");
    lines.add("  kubectl get pcap -o wide");
    lines.add(
        "  kubectl apply -f config/dev/invalid-capture.yaml     # refused: the field is named");
    lines.addAll(plugin(credentials));
    stoppableFullCapture(samples)
        .ifPresent(
            name ->
                lines.add(
                    String.format(
                        "  %-52s # stops it at Cloudflare", "kubectl delete pcap " + name)));
    lines.addAll(keyAndEmail(credentials, hasSecret));
    lines.addAll(storage(storage, namespace, fullCapture(samples).orElse("NAME")));
    lines.add("");
    lines.add(
        exitWhenDone
            ? "dev exits once every capture is done."
            : "Press Ctrl-C to stop; everything lives in memory and goes with it.");
    lines.add("");
    lines.add("");
    return String.join("\n", lines);
  }

  /** The kubectl plugin: its file, and the summary the operator read from it. */
  private static List<String> plugin(Credentials simulator) {
    return List.of(
        "  export PATH=$PWD/bin:$PATH CLOUDFLARE_BASE_URL=" + simulator.baseUrl(),
        "  kubectl pcap ls",
        String.format(
            "  %-52s # checked against status.artifact.sha256",
            "kubectl pcap download my-first-capture"),
        "  kubectl pcap summary my-first-capture",
        "  tshark -r my-first-capture.pcap | head");
  }

  /** How to use the simulator's other credentials: a global API key with its email. */
  private static List<String> keyAndEmail(Credentials credentials, boolean hasSecret) {
    return List.of(
        "",
        "The simulator accepts the API token "
            + credentials.token()
            + ", or the API key "
            + credentials.apiKey()
            + " with the email "
            + credentials.email()
            + (hasSecret ? "; a Secret with the key (name it in credentialsSecretRef):" : ":"),
        "  kubectl create secret generic "
            + (hasSecret ? SECRET + "-key" : SECRET)
            + " --from-literal=apiKey="
            + credentials.apiKey()
            + " --from-literal=email="
            + credentials.email());
  }

  /**
   * Where captures can store their files, and how to look at them; {@code fullCapture} names the
   * full capture whose files the line that downloads them fetches.
   */
  private static List<String> storage(Storage storage, String namespace, String fullCapture) {
    return List.of(
        "",
        "The S3 server at "
            + storage.endpoint()
            + " has the bucket "
            + storage.bucket()
            + "; the Secret "
            + S3_SECRET
            + " in "
            + namespace
            + " holds its keys; for a capture's output:",
        "  spec.output.s3: {bucket: "
            + storage.bucket()
            + ", endpoint: \""
            + storage.endpoint()
            + "\", credentialsSecretRef: {name: "
            + S3_SECRET
            + "}}",
        "  AWS_ACCESS_KEY_ID="
            + storage.accessKeyId()
            + " AWS_SECRET_ACCESS_KEY="
            + storage.secretAccessKey()
            + " aws --endpoint-url "
            + storage.endpoint()
            + " s3 ls --recursive s3://"
            + storage.bucket(),
        "A full capture whose destinationConf is s3://"
            + storage.bucket()
            + "/<dir> finds its pcap_<id>.pcap files there once it succeeds:",
        "  kubectl pcap download "
            + fullCapture
            + " --s3-endpoint "
            + storage.endpoint()
            + " --s3-secret "
            + S3_SECRET
            + " -o "
            + fullCapture);
  }

  /** A sample full capture. */
  private static Optional<String> fullCapture(List<GenericKubernetesResource> samples) {
    return samples.stream()
        .filter(m -> "PacketCapture".equals(m.getKind()))
        .filter(m -> "full".equals(m.get("spec", "type")))
        .map(DevInstructions::name)
        .findFirst();
  }

  /** A sample full capture whose deletion stops it at Cloudflare (deletion policy Stop). */
  private static Optional<String> stoppableFullCapture(List<GenericKubernetesResource> samples) {
    return samples.stream()
        .filter(m -> "PacketCapture".equals(m.getKind()))
        .filter(m -> "full".equals(m.get("spec", "type")))
        .filter(m -> !"Orphan".equals(m.get("spec", "deletionPolicy")))
        .map(DevInstructions::name)
        .findFirst();
  }

  private static String name(GenericKubernetesResource manifest) {
    return manifest.getMetadata().getName();
  }
}
