package io.pcapoperator.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * How the simulated Cloudflare PCAPs API behaves. Durations are in the simulator clock's time.
 *
 * @param apiTokens tokens accepted as {@code Authorization: Bearer}
 * @param apiKeys global API keys accepted, by account email
 * @param simpleRateError HTTP status when a second simple capture comes within a minute
 * @param fullConcurrencyError HTTP status when a full capture is already pending or running
 * @param simpleTimeLimitMax longest simple capture, in seconds
 * @param fullTimeLimitMax longest full capture, in seconds
 * @param requireValidatedOwnership whether a full capture's bucket must have a validated ownership
 * @param budgetRequests requests one credential may make per budget window
 * @param budgetWindow the budget window
 * @param lockout how long a credential is refused after exceeding its budget
 * @param simpleDuration how long a simple capture stays pending
 * @param fullPendingDuration how long a full capture stays pending before it runs
 * @param conversionPendingDuration how long a full capture waits for conversion
 * @param conversionRunningDuration how long conversion takes
 * @param fullPacketsPerSecond how fast a full capture collects packets
 * @param bytesPerPacket average packet size, for byte limits
 * @param simpleMatchingPackets how many sampled packets a simple capture finds before its limit
 * @param ownershipValidationDelay how long a bucket ownership validation takes
 */
public record SimulatorConfig(
    Set<String> apiTokens,
    Map<String, String> apiKeys,
    int simpleRateError,
    int fullConcurrencyError,
    int simpleTimeLimitMax,
    int fullTimeLimitMax,
    boolean requireValidatedOwnership,
    int budgetRequests,
    Duration budgetWindow,
    Duration lockout,
    Duration simpleDuration,
    Duration fullPendingDuration,
    Duration conversionPendingDuration,
    Duration conversionRunningDuration,
    int fullPacketsPerSecond,
    int bytesPerPacket,
    int simpleMatchingPackets,
    Duration ownershipValidationDelay) {

  /** The token the defaults accept, as used by the dev command and the samples. */
  public static final String DEV_TOKEN = "dev-token";

  /** Cloudflare's documented limits and a plausible lifecycle; accepts {@link #DEV_TOKEN}. */
  public static SimulatorConfig defaults() {
    return new SimulatorConfig(
        Set.of(DEV_TOKEN),
        Map.of(),
        429,
        409,
        300,
        86_400,
        false,
        1200,
        Duration.ofMinutes(5),
        Duration.ofMinutes(5),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10),
        100,
        500,
        5000,
        Duration.ofMinutes(5));
  }

  /** A builder that starts from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Changes some settings of a {@link SimulatorConfig}, keeping the rest. */
  public static final class Builder {
    private Set<String> apiTokens;
    private Map<String, String> apiKeys;
    private int simpleRateError;
    private int fullConcurrencyError;
    private int simpleTimeLimitMax;
    private int fullTimeLimitMax;
    private boolean requireValidatedOwnership;
    private int budgetRequests;
    private Duration budgetWindow;
    private Duration lockout;
    private Duration simpleDuration;
    private Duration fullPendingDuration;
    private Duration conversionPendingDuration;
    private Duration conversionRunningDuration;
    private int fullPacketsPerSecond;
    private int bytesPerPacket;
    private int simpleMatchingPackets;
    private Duration ownershipValidationDelay;

    private Builder(SimulatorConfig from) {
      this.apiTokens = from.apiTokens;
      this.apiKeys = from.apiKeys;
      this.simpleRateError = from.simpleRateError;
      this.fullConcurrencyError = from.fullConcurrencyError;
      this.simpleTimeLimitMax = from.simpleTimeLimitMax;
      this.fullTimeLimitMax = from.fullTimeLimitMax;
      this.requireValidatedOwnership = from.requireValidatedOwnership;
      this.budgetRequests = from.budgetRequests;
      this.budgetWindow = from.budgetWindow;
      this.lockout = from.lockout;
      this.simpleDuration = from.simpleDuration;
      this.fullPendingDuration = from.fullPendingDuration;
      this.conversionPendingDuration = from.conversionPendingDuration;
      this.conversionRunningDuration = from.conversionRunningDuration;
      this.fullPacketsPerSecond = from.fullPacketsPerSecond;
      this.bytesPerPacket = from.bytesPerPacket;
      this.simpleMatchingPackets = from.simpleMatchingPackets;
      this.ownershipValidationDelay = from.ownershipValidationDelay;
    }

    /** Accept only these tokens and these global API keys (by email). */
    public Builder credentials(Set<String> tokens, Map<String, String> keys) {
      this.apiTokens = Set.copyOf(tokens);
      this.apiKeys = Map.copyOf(keys);
      return this;
    }

    /**
     * Allow {@code requests} per {@code window} per credential, then refuse for {@code lockout}.
     */
    public Builder budget(int requests, Duration window, Duration lockout) {
      this.budgetRequests = requests;
      this.budgetWindow = window;
      this.lockout = lockout;
      return this;
    }

    /** Take {@code delay} to validate a bucket's ownership once the right challenge is sent. */
    public Builder ownershipValidationDelay(Duration delay) {
      this.ownershipValidationDelay = delay;
      return this;
    }

    /** Refuse full captures into buckets whose ownership was not validated. */
    public Builder requireValidatedOwnership() {
      this.requireValidatedOwnership = true;
      return this;
    }

    /** The settings. */
    public SimulatorConfig build() {
      return new SimulatorConfig(
          apiTokens,
          apiKeys,
          simpleRateError,
          fullConcurrencyError,
          simpleTimeLimitMax,
          fullTimeLimitMax,
          requireValidatedOwnership,
          budgetRequests,
          budgetWindow,
          lockout,
          simpleDuration,
          fullPendingDuration,
          conversionPendingDuration,
          conversionRunningDuration,
          fullPacketsPerSecond,
          bytesPerPacket,
          simpleMatchingPackets,
          ownershipValidationDelay);
    }
  }
}
