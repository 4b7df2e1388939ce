package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import java.io.PrintWriter;
import java.util.Optional;

/**
 * What {@code create simple} and {@code create full} do with the spec their flags make: print it
 * ({@code --dry-run}) or create it, the API server's refusal shown as its message.
 */
final class CaptureCreation {
  private CaptureCreation() {}

  /** Prints or creates the PacketCapture; its exit status. */
  static int run(
      ClusterFlags clusterFlags, CaptureFlags flags, PacketCaptureSpec spec, PrintWriter out) {
    if (flags.dryRun()) {
      out.print(new CaptureManifest(flags.name(), clusterFlags.namespaceFlag(), spec).yaml());
      out.flush();
      return 0;
    }
    try (Cluster cluster = clusterFlags.connect(ClusterFlags.REQUEST_TIMEOUT)) {
      CaptureManifest manifest =
          new CaptureManifest(flags.name(), Optional.of(cluster.namespace()), spec);
      ApiErrors.call(cluster, () -> cluster.client().resource(manifest.capture()).create());
    }
    out.println("packetcapture.pcap-operator.io/" + flags.name() + " created");
    out.flush();
    return 0;
  }
}
