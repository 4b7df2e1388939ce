package io.pcapoperator.pcapfile;

import io.pcapoperator.api.v1alpha1.AddressCount;
import io.pcapoperator.api.v1alpha1.CaptureSummary;
import io.pcapoperator.api.v1alpha1.PortCount;
import io.pcapoperator.api.v1alpha1.ProtocolCount;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Adds up a file's packets into a {@link CaptureSummary}. A packet's bytes are its original length
 * on the wire (tshark's {@code frame.len}), not the part the file kept. Lists are ordered most
 * packets first; ties go to the lower protocol number, address (IPv4 before IPv6) or port.
 */
final class CaptureSummaryBuilder {
  static final int TOP = 5;

  private static final DateTimeFormatter MICROSECONDS = rfc3339("SSSSSS");
  private static final DateTimeFormatter NANOSECONDS = rfc3339("SSSSSSSSS");

  private final boolean nanosecondTimestamps;
  private long packets;
  private long bytes;
  private long earliest = Long.MAX_VALUE;
  private long latest = Long.MIN_VALUE;
  private final Map<Integer, Tally> protocols = new HashMap<>();
  private final Map<IpAddress, Long> sources = new HashMap<>();
  private final Map<Integer, Long> destinationPorts = new HashMap<>();

  /** For a file whose timestamps count nanoseconds, else microseconds. */
  CaptureSummaryBuilder(boolean nanosecondTimestamps) {
    this.nanosecondTimestamps = nanosecondTimestamps;
  }

  /**
   * Counts one packet.
   *
   * @param time since the epoch, in the file's unit (microseconds or nanoseconds)
   * @param originalLength the packet's length on the wire
   * @param ip what its IP header says, or null when it carries no IP packet
   */
  void add(long time, long originalLength, IpPacket ip) {
    packets++;
    bytes += originalLength;
    earliest = Math.min(earliest, time);
    latest = Math.max(latest, time);
    if (ip == null) {
      return;
    }
    sources.merge(ip.source(), 1L, Long::sum);
    if (ip.protocol() != IpPacket.UNKNOWN) {
      protocols.computeIfAbsent(ip.protocol(), p -> new Tally()).add(originalLength);
    }
    if (ip.destinationPort() != IpPacket.UNKNOWN) {
      destinationPorts.merge(ip.destinationPort(), 1L, Long::sum);
    }
  }

  long packets() {
    return packets;
  }

  CaptureSummary build() {
    CaptureSummary summary = new CaptureSummary();
    summary.setPackets(packets);
    summary.setBytes(bytes);
    if (packets > 0) {
      summary.setFirstPacketTime(format(earliest));
      summary.setLastPacketTime(format(latest));
    }
    summary.setProtocols(
        protocols.entrySet().stream()
            .sorted(
                Comparator.comparing((Map.Entry<Integer, Tally> e) -> e.getValue().packets)
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .map(
                e ->
                    new ProtocolCount(
                        IpProtocols.name(e.getKey()), e.getValue().packets, e.getValue().bytes))
            .collect(Collectors.toCollection(ArrayList::new)));
    summary.setTopSources(top(sources, (address, n) -> new AddressCount(address.toString(), n)));
    summary.setTopDestinationPorts(top(destinationPorts, PortCount::new));
    return summary;
  }

  private static <K extends Comparable<K>, T> List<T> top(
      Map<K, Long> counts, BiFunction<K, Long, T> entry) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<K, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP)
        .map(e -> entry.apply(e.getKey(), e.getValue()))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  private String format(long time) {
    long perSecond = nanosecondTimestamps ? 1_000_000_000L : 1_000_000L;
    long nanos = Math.floorMod(time, perSecond) * (1_000_000_000L / perSecond);
    Instant instant = Instant.ofEpochSecond(Math.floorDiv(time, perSecond), nanos);
    return (nanosecondTimestamps ? NANOSECONDS : MICROSECONDS).format(instant);
  }

  private static DateTimeFormatter rfc3339(String fraction) {
    return DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss." + fraction + "'Z'", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
  }

  /** Packets and bytes of one protocol. */
  private static final class Tally {
    long packets;
    long bytes;

    void add(long length) {
      packets++;
      bytes += length;
    }
  }
}
