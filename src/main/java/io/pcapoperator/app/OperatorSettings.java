package io.pcapoperator.app;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator process is set up, from flags and environment variables.
 *
 * @param cloudflareBaseUrl base URL of the Cloudflare API, up to and including {@code /client/v4}
 * @param namespaces namespaces to watch; empty for all
 * @param maxPollInterval the staleness bound: longest wait between two reads of a running capture
 * @param requestTimeout timeout of one HTTP request to Cloudflare
 * @param leaderElection whether replicas elect one active leader through a Lease
 * @param leaseNamespace namespace of the Lease; empty to use the pod's own namespace
 * @param apiBudget requests per 5 minutes this operator may make with one token (Cloudflare allows
 *     1200; give each shard its share when shards share a token)
 */
public record OperatorSettings(
    String cloudflareBaseUrl,
    Set<String> namespaces,
    Duration maxPollInterval,
    Duration requestTimeout,
    boolean leaderElection,
    Optional<String> leaseNamespace,
    int apiBudget) {

  /** The public Cloudflare API. */
  public static final String CLOUDFLARE_BASE_URL = "https://api.cloudflare.com/client/v4";

  /** Name of the leader election Lease. */
  public static final String LEASE_NAME = "pcap-operator-leader";

  /**
   * Defaults: the public API, all namespaces, 60 s staleness bound, 30 s request timeout, leader
   * election on in the pod's namespace.
   */
  public static OperatorSettings defaults() {
    return new OperatorSettings(
        CLOUDFLARE_BASE_URL,
        Set.of(),
        Duration.ofSeconds(60),
        Duration.ofSeconds(30),
        true,
        Optional.empty(),
        1200);
  }

  /** These settings with another base URL. */
  public OperatorSettings withBaseUrl(String baseUrl) {
    return new OperatorSettings(
        baseUrl,
        namespaces,
        maxPollInterval,
        requestTimeout,
        leaderElection,
        leaseNamespace,
        apiBudget);
  }

  /** These settings with leader election off, for a single in-process operator. */
  public OperatorSettings withoutLeaderElection() {
    return new OperatorSettings(
        cloudflareBaseUrl,
        namespaces,
        maxPollInterval,
        requestTimeout,
        false,
        Optional.empty(),
        apiBudget);
  }
}
