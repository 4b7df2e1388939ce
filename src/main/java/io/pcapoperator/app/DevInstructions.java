package io.pcapoperator.app;

import java.nio.file.Path;

/** What {@code dev} prints once it is up: how to reach it with kubectl, and what to try. */
final class DevInstructions {
  private DevInstructions() {}

  static String text(Path kubeconfig, String namespace, boolean exitWhenDone) {
    String ending =
        exitWhenDone
            ? "dev exits once every capture is done."
            : "Press Ctrl-C to stop; everything lives in memory and goes with it.";
    return String.join(
        "\n",
        "",
        "Ready. Namespace " + namespace + " has the Secret cloudflare-api. In another terminal:",
        "",
        "  export KUBECONFIG=" + kubeconfig,
        "  kubectl get pcap -w",
        "  kubectl apply -f config/dev/my-first-capture.yaml",
        "  kubectl wait --for=condition=Ready pcap/my-first-capture --timeout=2m",
        "  kubectl describe pcap my-first-capture",
        "  kubectl get pcap -o wide",
        "  kubectl apply -f config/dev/invalid-capture.yaml     # refused: the field is named",
        "  kubectl delete pcap ord-full-capture                 # stops it at Cloudflare",
        "",
        ending,
        "",
        "");
  }
}
