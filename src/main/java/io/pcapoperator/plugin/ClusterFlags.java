package io.pcapoperator.plugin;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Which cluster, user and namespace to talk to, chosen as kubectl chooses them: {@code
 * --kubeconfig}, else {@code KUBECONFIG}, else {@code ~/.kube/config}; {@code --context}, else the
 * current context; {@code -n}, else the context's namespace, else {@code default}. Every command
 * inherits these flags, so they may come before or after the command's name.
 */
final class ClusterFlags {
  /** How long a command waits for one answer of the Kubernetes API. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  @Option(
      names = "--kubeconfig",
      scope = ScopeType.INHERIT,
      paramLabel = "<file>",
      description = "Path to the kubeconfig file; else $KUBECONFIG, else ~/.kube/config.")
  private Path kubeconfig;

  @Option(
      names = "--context",
      scope = ScopeType.INHERIT,
      paramLabel = "<name>",
      description = "The kubeconfig context to use; else its current context.")
  private String context;

  @Option(
      names = {"-n", "--namespace"},
      scope = ScopeType.INHERIT,
      paramLabel = "<namespace>",
      description = "The namespace; else the context's namespace, else default.")
  private String namespace;

  ClusterFlags() {}

  /** Flags with these values, each possibly null: what shell completion has read so far. */
  ClusterFlags(Path kubeconfig, String context, String namespace) {
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.namespace = namespace;
  }

  /** The namespace given with {@code -n}, if one was. */
  Optional<String> namespaceFlag() {
    return Optional.ofNullable(namespace).filter(n -> !n.isBlank());
  }

  /** A client of the cluster these flags name, each request waiting up to {@code timeout}. */
  Cluster connect(Duration timeout) {
    Config config = config();
    config.setRequestRetryBackoffLimit(0);
    config.setConnectionTimeout((int) timeout.toMillis());
    config.setRequestTimeout((int) timeout.toMillis());
    String chosen =
        namespaceFlag().orElse(Optional.ofNullable(config.getNamespace()).orElse("default"));
    return new Cluster(new KubernetesClientBuilder().withConfig(config).build(), chosen);
  }

  /** The client configuration these flags choose, from the kubeconfig. */
  Config config() {
    try {
      Config config =
          kubeconfig == null
              ? Config.autoConfigure(context)
              : Config.fromKubeconfig(context, readable(kubeconfig).toFile());
      if (context != null
          && (config.getCurrentContext() == null
              || !context.equals(config.getCurrentContext().getName()))) {
        throw new PluginFailure("context \"" + context + "\" does not exist");
      }
      return config;
    } catch (KubernetesClientException e) {
      throw new PluginFailure("cannot load the kubeconfig: " + e.getMessage(), e);
    }
  }

  private static Path readable(Path file) {
    if (!Files.isReadable(file)) {
      throw new PluginFailure("cannot read the kubeconfig " + file);
    }
    return file;
  }
}
