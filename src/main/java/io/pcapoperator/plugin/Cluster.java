package io.pcapoperator.plugin;

import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.pcapoperator.api.v1alpha1.PacketCapture;

/** A client of the cluster and the namespace the command works in. */
record Cluster(KubernetesClient client, String namespace) implements AutoCloseable {

  /** The PacketCaptures of the cluster. */
  MixedOperation<PacketCapture, KubernetesResourceList<PacketCapture>, Resource<PacketCapture>>
      captures() {
    return client.resources(PacketCapture.class);
  }

  /** PacketCapture {@code name} of the namespace; fails, naming both, when there is none. */
  PacketCapture capture(String name) {
    PacketCapture capture =
        ApiErrors.call(this, () -> captures().inNamespace(namespace).withName(name).get());
    if (capture == null) {
      throw new PluginFailure(
          "packetcapture \"" + name + "\" not found in namespace \"" + namespace + "\"");
    }
    return capture;
  }

  @Override
  public void close() {
    client.close();
  }
}
