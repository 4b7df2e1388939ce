package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

/** A scripted {@link PcapsApi}: each call answers the next scripted answer, and is counted. */
final class FakePcapsApi implements PcapsApi {
  final Deque<Supplier<Pcap>> creates = new ArrayDeque<>();
  final Deque<Supplier<Pcap>> gets = new ArrayDeque<>();
  final Deque<Supplier<List<Pcap>>> lists = new ArrayDeque<>();
  final Deque<Runnable> stops = new ArrayDeque<>();
  final Deque<Supplier<byte[]>> downloads = new ArrayDeque<>();
  final Deque<Supplier<List<Ownership>>> ownershipLists = new ArrayDeque<>();
  final List<String> calls = new ArrayList<>();

  /** A capture as Cloudflare would answer it. */
  static Pcap pcap(String id, String type, String status, String submitted) {
    return new Pcap(
        id,
        "magic-transit",
        type,
        status,
        submitted,
        300,
        10000,
        null,
        null,
        null,
        null,
        null,
        null,
        0L,
        null);
  }

  @Override
  public Pcap create(Credentials credentials, String accountId, PcapRequest request) {
    calls.add("create " + accountId);
    return creates.remove().get();
  }

  @Override
  public Pcap get(Credentials credentials, String accountId, String pcapId) {
    calls.add("get " + pcapId);
    return gets.remove().get();
  }

  @Override
  public List<Pcap> list(Credentials credentials, String accountId) {
    calls.add("list " + accountId);
    return lists.remove().get();
  }

  @Override
  public void stop(Credentials credentials, String accountId, String pcapId) {
    calls.add("stop " + pcapId);
    stops.remove().run();
  }

  @Override
  public byte[] download(Credentials credentials, String accountId, String pcapId) {
    calls.add("download " + pcapId);
    return downloads.remove().get();
  }

  @Override
  public Ownership createOwnership(
      Credentials credentials, String accountId, String destinationConf) {
    throw new UnsupportedOperationException("createOwnership");
  }

  @Override
  public List<Ownership> listOwnerships(Credentials credentials, String accountId) {
    calls.add("ownership_list " + accountId);
    return ownershipLists.remove().get();
  }

  @Override
  public Ownership validateOwnership(
      Credentials credentials, String accountId, String destinationConf, String challenge) {
    throw new UnsupportedOperationException("validateOwnership");
  }

  @Override
  public void deleteOwnership(Credentials credentials, String accountId, String ownershipId) {
    throw new UnsupportedOperationException("deleteOwnership");
  }
}
