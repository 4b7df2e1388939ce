package io.pcapoperator.cloudflare;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Cloudflare Magic Transit PCAPs API, under {@code /accounts/{account_id}/pcaps}. Every method
 * throws a {@link CloudflareApiException} subclass on failure.
 */
public interface PcapsApi {

  /** {@code POST /pcaps}: submits a capture. Not idempotent: each call makes a new capture. */
  Pcap create(Credentials credentials, String accountId, PcapRequest request);

  /** {@code GET /pcaps/{id}}: reads one capture. */
  Pcap get(Credentials credentials, String accountId, String pcapId);

  /** {@code GET /pcaps}: the account's captures, newest first. */
  List<Pcap> list(Credentials credentials, String accountId);

  /** {@code PUT /pcaps/{id}/stop}: stops a running full capture. */
  void stop(Credentials credentials, String accountId, String pcapId);

  /** {@code GET /pcaps/{id}/download}: the libpcap file of a finished simple capture. */
  byte[] download(Credentials credentials, String accountId, String pcapId);

  /**
   * {@code POST /pcaps/ownership}: asks to prove ownership of the bucket {@code destinationConf};
   * Cloudflare then writes a challenge file into it. Not idempotent: each call makes a new record.
   */
  Ownership createOwnership(Credentials credentials, String accountId, String destinationConf);

  /** {@code GET /pcaps/ownership}: the account's bucket ownership records. */
  List<Ownership> listOwnerships(Credentials credentials, String accountId);

  /**
   * {@code POST /pcaps/ownership/validate}: sends the contents of the challenge file found in the
   * bucket; the record becomes {@code success} once Cloudflare has checked them.
   */
  Ownership validateOwnership(
      Credentials credentials, String accountId, String destinationConf, String challenge);

  /** {@code DELETE /pcaps/ownership/{id}}: removes an ownership record. */
  void deleteOwnership(Credentials credentials, String accountId, String ownershipId);

  /**
   * How long this client would hold a create with {@code credentials} back before sending it (a
   * client-side request budget, say); empty when it would go now. Sends nothing.
   */
  default Optional<Duration> createHeldFor(Credentials credentials) {
    return Optional.empty();
  }
}
