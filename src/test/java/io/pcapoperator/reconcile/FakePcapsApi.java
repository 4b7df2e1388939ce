package io.pcapoperator.reconcile;

import io.pcapoperator.cloudflare.Credentials;
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
    throw new UnsupportedOperationException("download");
  }
}
