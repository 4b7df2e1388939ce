package io.pcapoperator.app;

import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.reconcile.DefaultOutput;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the operator process is set up, from flags and environment variables ({@link OperatorFlags}).
 *
 * @param cloudflareBaseUrl base URL of the Cloudflare API, up to and including {@code /client/v4}
 * @param namespaces namespaces to watch; empty for all
 * @param maxPollInterval the staleness bound: longest wait between two reads of a running capture
 * @param requestTimeout timeout of one HTTP request to Cloudflare
 * @param leaderElection whether replicas elect one active leader through a Lease
 * @param leaseNamespace namespace of the Lease; empty to use the pod's own namespace
 * @param apiBudget requests per 5 minutes this operator may make with one token (Cloudflare allows
 *     1200; give each shard its share when shards share a token)
 * @param defaultOutput where simple captures that name no output store their files, if anywhere
 * @param bucketValidation how a full capture's bucket is known to be validated before it is sent
 */
public record OperatorSettings(
    String cloudflareBaseUrl,
    Set<String> namespaces,
    Duration maxPollInterval,
    Duration requestTimeout,
    boolean leaderElection,
    Optional<String> leaseNamespace,
    int apiBudget,
    Optional<DefaultOutput> defaultOutput,
    BucketValidation bucketValidation) {

  /** The public Cloudflare API. */
  public static final String CLOUDFLARE_BASE_URL = "https://api.cloudflare.com/client/v4";

  /** Name of the leader election Lease. */
  public static final String LEASE_NAME = "pcap-operator-leader";

  /**
   * The settings of {@code run} given no flags and no environment: the defaults that its flags
   * declare ({@link OperatorFlags}).
   */
  public static OperatorSettings defaults() {
    return OperatorFlags.parse(List.of(), Map.of());
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
        apiBudget,
        defaultOutput,
        bucketValidation);
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
        apiBudget,
        defaultOutput,
        bucketValidation);
  }

  /** These settings with {@code output} as the default output. */
  public OperatorSettings withDefaultOutput(DefaultOutput output) {
    return new OperatorSettings(
        cloudflareBaseUrl,
        namespaces,
        maxPollInterval,
        requestTimeout,
        leaderElection,
        leaseNamespace,
        apiBudget,
        Optional.of(output),
        bucketValidation);
  }

  /** These settings with another way of knowing a full capture's bucket is validated. */
  public OperatorSettings withBucketValidation(BucketValidation validation) {
    return new OperatorSettings(
        cloudflareBaseUrl,
        namespaces,
        maxPollInterval,
        requestTimeout,
        leaderElection,
        leaseNamespace,
        apiBudget,
        defaultOutput,
        validation);
  }
}
