package io.pcapoperator.pcapfile;

import static java.util.Comparator.comparing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.pcapoperator.api.v1alpha1.AddressCount;
import io.pcapoperator.api.v1alpha1.CaptureSummary;
import io.pcapoperator.api.v1alpha1.PortCount;
import io.pcapoperator.api.v1alpha1.ProtocolCount;
import io.pcapoperator.testing.Tshark;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;

/**
 * Checks a {@link CaptureSummary} against tshark's reading of the file it summarises: packets,
 * bytes, first and last packet times, packets and bytes per protocol, top sources and top
 * destination ports with their counts. The expected figures are tshark's per-frame fields added up
 * here, with the summary's own rules for order and ties.
 */
public final class TsharkStatistics {
  private static final String[] FIELDS = {
    "frame.len",
    "frame.time_epoch",
    "ip.proto",
    "ipv6.nxt",
    "ip.src",
    "ipv6.src",
    "tcp.dstport",
    "udp.dstport"
  };

  private TsharkStatistics() {}

  /** Fails unless every figure of {@code summary} is what tshark reads in {@code file}. */
  public static void assertMatches(Path file, CaptureSummary summary)
      throws IOException, InterruptedException {
    List<Frame> frames = frames(file);
    assertThat(summary.getPackets()).as("packets").isEqualTo(frames.size());
    assertThat(summary.getBytes())
        .as("bytes")
        .isEqualTo(frames.stream().mapToLong(Frame::length).sum());
    assertThat(summary.getFirstPacketTime()).matches(".*\\.\\d{6}Z");
    assertThat(epochSeconds(summary.getFirstPacketTime()))
        .as("first packet time")
        .isEqualByComparingTo(
            frames.stream().map(Frame::time).min(Comparator.naturalOrder()).orElseThrow());
    assertThat(epochSeconds(summary.getLastPacketTime()))
        .as("last packet time")
        .isEqualByComparingTo(
            frames.stream().map(Frame::time).max(Comparator.naturalOrder()).orElseThrow());
    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol, ProtocolCount::getPackets, ProtocolCount::getBytes)
        .as("protocols")
        .containsExactlyElementsOf(protocols(frames));
    assertThat(summary.getTopSources())
        .extracting(AddressCount::getAddress, AddressCount::getPackets)
        .as("top sources")
        .containsExactlyElementsOf(
            top(frames, Frame::source, comparing(TsharkStatistics::addressKey)));
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort, PortCount::getPackets)
        .as("top destination ports")
        .containsExactlyElementsOf(top(frames, Frame::port, Comparator.naturalOrder()));
  }

  /** One frame as tshark reads it; for a field that occurs more than once, its first value. */
  private record Frame(
      long length, BigDecimal time, Integer protocol, String source, Integer port) {}

  private static List<Frame> frames(Path file) throws IOException, InterruptedException {
    List<String> arguments = new ArrayList<>(List.of("-T", "fields", "-E", "occurrence=f"));
    for (String field : FIELDS) {
      arguments.addAll(List.of("-e", field));
    }
    List<Frame> frames = new ArrayList<>();
    for (String line : Tshark.lines(Tshark.read(file, arguments.toArray(String[]::new)))) {
      String[] f = Arrays.copyOf(line.split("\t", -1), FIELDS.length);
      frames.add(
          new Frame(
              Long.parseLong(f[0]),
              new BigDecimal(f[1]),
              number(either(f[2], f[3])),
              either(f[4], f[5]),
              number(either(f[6], f[7]))));
    }
    return frames;
  }

  private static List<Tuple> protocols(List<Frame> frames) {
    Map<Integer, long[]> byProtocol = new HashMap<>();
    for (Frame frame : frames) {
      if (frame.protocol() != null) {
        long[] tally = byProtocol.computeIfAbsent(frame.protocol(), p -> new long[2]);
        tally[0]++;
        tally[1] += frame.length();
      }
    }
    return byProtocol.entrySet().stream()
        .sorted(
            comparing((Map.Entry<Integer, long[]> e) -> -e.getValue()[0])
                .thenComparing(Map.Entry::getKey))
        .map(e -> tuple(IpProtocols.name(e.getKey()), e.getValue()[0], e.getValue()[1]))
        .toList();
  }

  private static <K> List<Tuple> top(
      List<Frame> frames, Function<Frame, K> key, Comparator<K> ties) {
    Map<K, Long> counts = new HashMap<>();
    for (Frame frame : frames) {
      K k = key.apply(frame);
      if (k != null) {
        counts.merge(k, 1L, Long::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(
            comparing((Map.Entry<K, Long> e) -> -e.getValue())
                .thenComparing(Map.Entry::getKey, ties))
        .limit(5)
        .map(e -> tuple(e.getKey(), e.getValue()))
        .toList();
  }

  /** IPv4 before IPv6, then by value. */
  private static String addressKey(String address) {
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      StringBuilder key = new StringBuilder().append(bytes.length);
      for (byte b : bytes) {
        key.append(String.format("%02x", b));
      }
      return key.toString();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }

  private static BigDecimal epochSeconds(String rfc3339) {
    Instant instant = Instant.parse(rfc3339);
    return BigDecimal.valueOf(instant.getEpochSecond())
        .add(BigDecimal.valueOf(instant.getNano(), 9));
  }

  private static String either(String first, String second) {
    return first != null && !first.isEmpty()
        ? first
        : second == null || second.isEmpty() ? null : second;
  }

  private static Integer number(String text) {
    return text == null ? null : Integer.valueOf(text);
  }
}
