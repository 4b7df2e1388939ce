package io.pcapoperator.cloudflare.budget;

import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.cloudflare.RetryableApiException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link PcapsApi} that spends each credential's {@link ApiBudget}: a call with no budget left is
 * held back unsent with a {@link BudgetHeldException} that names the wait; a 429 from Cloudflare
 * pauses every call of that credential until its {@code retry-after}. Creates and lists leave half
 * the burst to reads and stops, so that a wave of new captures never delays the status of running
 * ones.
 */
public final class BudgetedPcapsApi implements PcapsApi {
  /** How long to pause a credential after a 429 that named no wait. */
  private static final Duration DEFAULT_PAUSE = Duration.ofSeconds(60);

  private final PcapsApi delegate;
  private final ApiBudget budget;

  public BudgetedPcapsApi(PcapsApi delegate, ApiBudget budget) {
    this.delegate = delegate;
    this.budget = budget;
  }

  @Override
  public Pcap create(Credentials credentials, String accountId, PcapRequest request) {
    return spend(
        credentials,
        "create",
        ApiBudget.Use.SPARE,
        () -> delegate.create(credentials, accountId, request));
  }

  @Override
  public Pcap get(Credentials credentials, String accountId, String pcapId) {
    return spend(
        credentials, "get", ApiBudget.Use.ANY, () -> delegate.get(credentials, accountId, pcapId));
  }

  @Override
  public List<Pcap> list(Credentials credentials, String accountId) {
    return spend(
        credentials, "list", ApiBudget.Use.SPARE, () -> delegate.list(credentials, accountId));
  }

  @Override
  public void stop(Credentials credentials, String accountId, String pcapId) {
    spend(
        credentials,
        "stop",
        ApiBudget.Use.ANY,
        () -> {
          delegate.stop(credentials, accountId, pcapId);
          return null;
        });
  }

  @Override
  public byte[] download(Credentials credentials, String accountId, String pcapId) {
    return spend(
        credentials,
        "download",
        ApiBudget.Use.SPARE,
        () -> delegate.download(credentials, accountId, pcapId));
  }

  @Override
  public Ownership createOwnership(
      Credentials credentials, String accountId, String destinationConf) {
    return spend(
        credentials,
        "create ownership",
        ApiBudget.Use.SPARE,
        () -> delegate.createOwnership(credentials, accountId, destinationConf));
  }

  @Override
  public List<Ownership> listOwnerships(Credentials credentials, String accountId) {
    return spend(
        credentials,
        "list ownerships",
        ApiBudget.Use.SPARE,
        () -> delegate.listOwnerships(credentials, accountId));
  }

  @Override
  public Ownership validateOwnership(
      Credentials credentials, String accountId, String destinationConf, String challenge) {
    return spend(
        credentials,
        "validate ownership",
        ApiBudget.Use.SPARE,
        () -> delegate.validateOwnership(credentials, accountId, destinationConf, challenge));
  }

  @Override
  public void deleteOwnership(Credentials credentials, String accountId, String ownershipId) {
    spend(
        credentials,
        "delete ownership",
        ApiBudget.Use.ANY,
        () -> {
          delegate.deleteOwnership(credentials, accountId, ownershipId);
          return null;
        });
  }

  @Override
  public Optional<Duration> createHeldFor(Credentials credentials) {
    return budget.wait(credentials.fingerprint(), ApiBudget.Use.SPARE);
  }

  private <T> T spend(
      Credentials credentials, String operation, ApiBudget.Use use, Supplier<T> call) {
    String key = credentials.fingerprint();
    Optional<Duration> wait = budget.tryAcquire(key, use);
    if (wait.isPresent()) {
      throw new BudgetHeldException(operation, wait.get());
    }
    try {
      return call.get();
    } catch (RetryableApiException e) {
      if (e.isRateLimited()) {
        budget.pause(key, e.retryAfter().orElse(DEFAULT_PAUSE));
      }
      throw e;
    }
  }
}
