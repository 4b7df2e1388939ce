package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link PcapsApi} of ownership records in memory: a list to answer, creates that add to it, and
 * a failure to throw for the next call of each kind; every call is counted.
 */
final class FakeOwnershipApi implements PcapsApi {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

  final List<Ownership> records = new ArrayList<>();
  final List<String> calls = new ArrayList<>();
  CloudflareApiException createFailure;
  CloudflareApiException validateFailure;
  CloudflareApiException deleteFailure;
  String validateStatus = "pending";
  private int nextId = 1;

  static Ownership record(String id, String destinationConf, String status) {
    return new Ownership(
        id,
        destinationConf,
        "ownership-challenge-" + id + ".txt",
        status,
        "2026-11-22T08:00:00Z",
        "success".equals(status) ? "2026-11-22T08:06:00Z" : null);
  }

  @Override
  public Ownership createOwnership(
      Credentials credentials, String accountId, String destinationConf) {
    calls.add("create " + destinationConf);
    if (createFailure != null) {
      throw createFailure;
    }
    Ownership created = record(String.format("%032x", nextId++), destinationConf, "pending");
    records.add(created);
    return created;
  }

  @Override
  public List<Ownership> listOwnerships(Credentials credentials, String accountId) {
    calls.add("list");
    return List.copyOf(records);
  }

  @Override
  public Ownership validateOwnership(
      Credentials credentials, String accountId, String destinationConf, String challenge) {
    calls.add("validate " + challenge);
    if (validateFailure != null) {
      throw validateFailure;
    }
    Ownership record =
        records.stream().filter(o -> o.destinationConf().equals(destinationConf)).findFirst().get();
    return record(record.id(), destinationConf, validateStatus);
  }

  @Override
  public void deleteOwnership(Credentials credentials, String accountId, String ownershipId) {
    calls.add("delete " + ownershipId);
    if (deleteFailure != null) {
      throw deleteFailure;
    }
    records.removeIf(o -> o.id().equals(ownershipId));
  }

  /** How many calls started with {@code prefix}. */
  long count(String prefix) {
    return calls.stream().filter(c -> c.startsWith(prefix)).count();
  }

  @Override
  public Pcap create(Credentials credentials, String accountId, PcapRequest request) {
    throw new UnsupportedOperationException("create");
  }

  @Override
  public Pcap get(Credentials credentials, String accountId, String pcapId) {
    throw new UnsupportedOperationException("get");
  }

  @Override
  public List<Pcap> list(Credentials credentials, String accountId) {
    throw new UnsupportedOperationException("list");
  }

  @Override
  public void stop(Credentials credentials, String accountId, String pcapId) {
    throw new UnsupportedOperationException("stop");
  }

  @Override
  public byte[] download(Credentials credentials, String accountId, String pcapId) {
    throw new UnsupportedOperationException("download");
  }
}
