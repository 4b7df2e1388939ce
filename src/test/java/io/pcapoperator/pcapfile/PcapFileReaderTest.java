package io.pcapoperator.pcapfile;

import static io.pcapoperator.pcapfile.TestPcap.ETHERNET;
import static io.pcapoperator.pcapfile.TestPcap.IPV4;
import static io.pcapoperator.pcapfile.TestPcap.IPV6;
import static io.pcapoperator.pcapfile.TestPcap.MICROSECONDS;
import static io.pcapoperator.pcapfile.TestPcap.NANOSECONDS;
import static io.pcapoperator.pcapfile.TestPcap.RAW;
import static io.pcapoperator.pcapfile.TestPcap.bytes;
import static io.pcapoperator.pcapfile.TestPcap.ethernet;
import static io.pcapoperator.pcapfile.TestPcap.ipv4;
import static io.pcapoperator.pcapfile.TestPcap.ipv6;
import static io.pcapoperator.pcapfile.TestPcap.tcp;
import static io.pcapoperator.pcapfile.TestPcap.udp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.pcapoperator.api.v1alpha1.AddressCount;
import io.pcapoperator.api.v1alpha1.CaptureSummary;
import io.pcapoperator.api.v1alpha1.PortCount;
import io.pcapoperator.api.v1alpha1.ProtocolCount;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PcapFileReaderTest {
  private static final long T = 1_763_798_400L; // 2025-11-22T08:00:00Z

  @Test
  void aFileOfOnlyItsHeaderHasNoPacketsAndNoTimes() throws Exception {
    byte[] file = TestPcap.file(MICROSECONDS).bytes();

    PcapFileSummary read = read(file);

    assertThat(read.bytes()).isEqualTo(24);
    assertThat(read.sha256()).isEqualTo(sha256(file));
    CaptureSummary summary = read.summary();
    assertThat(summary.getPackets()).isZero();
    assertThat(summary.getBytes()).isZero();
    assertThat(summary.getFirstPacketTime()).isNull();
    assertThat(summary.getLastPacketTime()).isNull();
    assertThat(summary.getProtocols()).isEmpty();
    assertThat(summary.getTopSources()).isEmpty();
    assertThat(summary.getTopDestinationPorts()).isEmpty();
  }

  @Test
  void microsecondTimesKeepSixDigitsAndTheEarliestAndLatestPacketsAreFirstAndLast()
      throws Exception {
    byte[] frame = ethernet(IPV4, ipv4(6, "198.51.100.1", tcp(443)));
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 500_000, frame)
            .record(T, 20, frame)
            .record(T + 2, 999_999, frame)
            .bytes();

    PcapFileSummary read = read(file);

    assertThat(read.bytes()).isEqualTo(file.length);
    assertThat(read.sha256()).isEqualTo(sha256(file));
    assertThat(read.summary().getFirstPacketTime()).isEqualTo("2025-11-22T08:00:00.000020Z");
    assertThat(read.summary().getLastPacketTime()).isEqualTo("2025-11-22T08:00:02.999999Z");
  }

  @Test
  void nanosecondTimesKeepNineDigitsInEitherByteOrder() throws Exception {
    byte[] frame = ethernet(IPV4, ipv4(17, "198.51.100.1", udp(53)));
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      byte[] file =
          TestPcap.file(NANOSECONDS, order, ETHERNET)
              .record(T, 123_456_789, frame)
              .record(T + 1, 5, frame)
              .bytes();

      CaptureSummary summary = read(file).summary();

      assertThat(summary.getFirstPacketTime()).isEqualTo("2025-11-22T08:00:00.123456789Z");
      assertThat(summary.getLastPacketTime()).isEqualTo("2025-11-22T08:00:01.000000005Z");
      assertThat(summary.getTopDestinationPorts())
          .extracting(PortCount::getPort)
          .containsExactly(53);
    }
  }

  @Test
  void vlanTaggedFramesAreReadThroughOneOrTwoTags() throws Exception {
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 0, ethernet(IPV4, ipv4(6, "198.51.100.1", tcp(443)), 0x8100))
            .record(T, 1, ethernet(IPV4, ipv4(6, "198.51.100.1", tcp(443)), 0x88A8, 0x8100))
            .record(T, 2, ethernet(IPV6, ipv6(17, "2001:db8::1", bytes(0), udp(53)), 0x8100))
            .bytes();

    CaptureSummary summary = read(file).summary();

    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol, ProtocolCount::getPackets)
        .containsExactly(tuple("TCP", 2L), tuple("UDP", 1L));
    assertThat(summary.getTopSources())
        .extracting(AddressCount::getAddress, AddressCount::getPackets)
        .containsExactly(tuple("198.51.100.1", 2L), tuple("2001:db8::1", 1L));
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort, PortCount::getPackets)
        .containsExactly(tuple(443, 2L), tuple(53, 1L));
  }

  @Test
  void ipv6ExtensionHeadersAreSkippedToTheTransportAndLaterFragmentsHaveNoPort() throws Exception {
    byte[] hopByHopThenDestination = {
      60, 0, 1, 4, 0, 0, 0, 0, 17, 1, 1, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
    };
    byte[] firstFragment = {6, 0, 0, 1, 0, 0, 0, 7};
    byte[] laterFragment = {6, 0, 0, (byte) 0xB9, 0, 0, 0, 7};
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 0, ethernet(IPV6, ipv6(0, "2001:db8::1", hopByHopThenDestination, udp(53))))
            .record(T, 1, ethernet(IPV6, ipv6(44, "2001:db8::2", firstFragment, tcp(443))))
            .record(T, 2, ethernet(IPV6, ipv6(44, "2001:db8::2", laterFragment, bytes(64))))
            .record(T, 3, ethernet(IPV6, ipv6(58, "2001:db8:0:1:1:1:1:1", bytes(0), bytes(8))))
            .bytes();

    CaptureSummary summary = read(file).summary();

    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol, ProtocolCount::getPackets)
        .containsExactly(tuple("TCP", 2L), tuple("UDP", 1L), tuple("ICMPv6", 1L));
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort, PortCount::getPackets)
        .containsExactly(tuple(53, 1L), tuple(443, 1L));
    assertThat(summary.getTopSources())
        .extracting(AddressCount::getAddress)
        .containsExactly("2001:db8::2", "2001:db8::1", "2001:db8:0:1:1:1:1:1");
  }

  @Test
  void bytesAreTheLengthsOnTheWireEvenWhenTheFileKeepsOnly160OfEach() throws Exception {
    byte[] big = ethernet(IPV4, ipv4(6, "198.51.100.1", concat(tcp(443), bytes(1446))));
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 0, big, 160)
            .record(T, 1, big, 160)
            .record(T, 2, ethernet(IPV4, ipv4(17, "198.51.100.2", udp(123))))
            .bytes();

    PcapFileSummary read = read(file);

    assertThat(read.summary().getPackets()).isEqualTo(3);
    assertThat(read.summary().getBytes()).isEqualTo(1500 + 1500 + 14 + 20 + 12);
    assertThat(read.summary().getProtocols())
        .extracting(ProtocolCount::getProtocol, ProtocolCount::getBytes)
        .containsExactly(tuple("TCP", 3000L), tuple("UDP", 46L));
    assertThat(read.bytes()).isEqualTo(24 + 16 + 160 + 16 + 160 + 16 + 46);
  }

  @Test
  void aFrameCutInsideItsTransportOrIpHeaderCountsWhatItHolds() throws Exception {
    byte[] whole = ethernet(IPV4, ipv4(6, "198.51.100.1", tcp(443)));
    byte[] wholeV6 =
        ethernet(IPV6, ipv6(0, "2001:db8::1", new byte[] {6, 0, 0, 0, 0, 0, 0, 0}, tcp(22)));
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 0, whole, 14 + 20 + 2) // two bytes of TCP: no port
            .record(T, 1, whole, 14 + 20 + 4) // the ports, no more
            .record(T, 2, whole, 14 + 10) // half an IPv4 header: not an IP packet
            .record(T, 3, whole, 13) // not even an EtherType
            .record(T, 4, wholeV6, 14 + 40 + 4) // inside the Hop-by-Hop header: no protocol
            .record(T, 5, wholeV6, 14 + 39) // half an IPv6 header: not an IP packet
            .bytes();

    CaptureSummary summary = read(file).summary();

    assertThat(summary.getPackets()).isEqualTo(6);
    assertThat(summary.getBytes()).isEqualTo(4L * whole.length + 2L * wholeV6.length);
    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol, ProtocolCount::getPackets)
        .containsExactly(tuple("TCP", 2L));
    assertThat(summary.getTopSources())
        .extracting(AddressCount::getAddress, AddressCount::getPackets)
        .containsExactly(tuple("198.51.100.1", 2L), tuple("2001:db8::1", 1L));
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort, PortCount::getPackets)
        .containsExactly(tuple(443, 1L));
  }

  @Test
  void protocolsAreNamedOrNumberedAndIpv4OptionsAndFragmentsAreHonoured() throws Exception {
    byte[] eightBytesOfOptions = {1, 1, 1, 1, 1, 1, 1, 0};
    byte[] file =
        TestPcap.file(MICROSECONDS)
            .record(T, 0, ethernet(IPV4, ipv4(6, "198.51.100.1", 0, eightBytesOfOptions, tcp(443))))
            .record(T, 1, ethernet(IPV4, ipv4(17, "198.51.100.1", 1480, bytes(0), udp(9))))
            .record(T, 2, ethernet(IPV4, ipv4(1, "198.51.100.1", bytes(8))))
            .record(T, 3, ethernet(IPV4, ipv4(47, "198.51.100.1", bytes(4))))
            .record(T, 4, ethernet(IPV4, ipv4(50, "198.51.100.1", bytes(8))))
            .record(T, 5, ethernet(IPV4, ipv4(51, "198.51.100.1", bytes(12))))
            .record(T, 6, ethernet(0x0806, bytes(28)))
            .bytes();

    CaptureSummary summary = read(file).summary();

    assertThat(summary.getPackets()).isEqualTo(7);
    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol)
        .containsExactly("ICMP", "TCP", "UDP", "GRE", "ESP", "51");
    assertThat(summary.getTopSources()).extracting(AddressCount::getPackets).containsExactly(6L);
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort)
        .containsExactly(443);
  }

  @Test
  void rawIpFilesHaveNoLinkHeader() throws Exception {
    byte[] file =
        TestPcap.file(MICROSECONDS, ByteOrder.LITTLE_ENDIAN, RAW)
            .record(T, 0, ipv4(6, "198.51.100.1", tcp(80)))
            .record(T, 1, ipv6(17, "2001:db8::1", bytes(0), udp(53)))
            .bytes();

    CaptureSummary summary = read(file).summary();

    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort)
        .containsExactly(53, 80);
  }

  @Test
  void tiesInTheTopFiveGoToTheLowerAddressIpv4FirstAndToTheLowerPort() throws Exception {
    TestPcap pcap = TestPcap.file(MICROSECONDS);
    String[] sources = {
      "2001:db8::1", "198.51.100.10", "198.51.100.9", "203.0.113.1", "10.0.0.1", "192.0.2.200"
    };
    int[] ports = {8080, 443, 22, 9, 65535, 80};
    for (int i = 0; i < sources.length; i++) {
      pcap.record(
          T, i, ethernet(sources[i].contains(":") ? IPV6 : IPV4, packet(sources[i], ports[i])));
    }
    pcap.record(T, 9, ethernet(IPV4, packet("203.0.113.1", 65535)));

    CaptureSummary summary = read(pcap.bytes()).summary();

    assertThat(summary.getTopSources())
        .extracting(AddressCount::getAddress)
        .containsExactly("203.0.113.1", "10.0.0.1", "192.0.2.200", "198.51.100.9", "198.51.100.10");
    assertThat(summary.getTopDestinationPorts())
        .extracting(PortCount::getPort)
        .containsExactly(65535, 9, 22, 80, 443);
  }

  @Test
  void protocolsListEveryOneMostPacketsFirstTiesByNumber() throws Exception {
    TestPcap pcap = TestPcap.file(MICROSECONDS);
    int[] protocols = {200, 17, 6, 47, 1, 50, 58, 132, 17};
    for (int i = 0; i < protocols.length; i++) {
      pcap.record(T, i, ethernet(IPV4, ipv4(protocols[i], "198.51.100.1", bytes(8))));
    }

    CaptureSummary summary = read(pcap.bytes()).summary();

    assertThat(summary.getProtocols())
        .extracting(ProtocolCount::getProtocol)
        .containsExactly("UDP", "ICMP", "TCP", "GRE", "ESP", "ICMPv6", "132", "200");
  }

  @Test
  void framesOfRandomBytesAreCountedWithoutAnError() throws Exception {
    Random random = new Random(12);
    TestPcap pcap = TestPcap.file(MICROSECONDS);
    for (int i = 0; i < 2000; i++) {
      byte[] payload = new byte[random.nextInt(150)];
      random.nextBytes(payload);
      if (payload.length > 0) {
        payload[0] = (byte) (random.nextBoolean() ? 0x45 + random.nextInt(11) : 0x60);
      }
      byte[] frame = ethernet(random.nextBoolean() ? IPV4 : IPV6, payload);
      pcap.record(T, i, frame, frame.length, frame.length + random.nextInt(1000));
    }

    assertThat(read(pcap.bytes()).summary().getPackets()).isEqualTo(2000);
  }

  @Test
  void whatIsNotAWholePcapFileIsRefusedWithAClearMessage() {
    byte[] frame = ethernet(IPV4, ipv4(6, "198.51.100.1", tcp(443)));
    byte[] twoRecords = TestPcap.file(MICROSECONDS).record(T, 0, frame).record(T, 1, frame).bytes();

    assertRefused(new byte[0], "not a pcap file: 0 bytes, fewer than the 24 of a pcap file header");
    assertRefused(Arrays.copyOf(twoRecords, 10), "fewer than the 24");
    assertRefused("<html>nope</html>........".getBytes(), "does not start with a libpcap magic");
    assertRefused(
        ByteBuffer.allocate(24).putInt(0x0A0D0D0A).array(), "does not start with a libpcap magic");
    assertRefused(Arrays.copyOf(twoRecords, twoRecords.length - 5), "record 2 is cut short");
    assertRefused(
        Arrays.copyOf(twoRecords, twoRecords.length - frame.length - 8),
        "the file ends inside the header of record 2: 8 bytes follow the last whole record");
    assertRefused(
        TestPcap.file(MICROSECONDS).record(T, 0, frame, 60, 54).bytes(),
        "record 1 claims 60 captured bytes of a 54-byte packet");
    assertRefused(
        TestPcap.file(MICROSECONDS).record(T, 0, frame, 300_000, 300_000).bytes(),
        "record 1 is cut short or corrupt");
    assertRefused(
        TestPcap.file(MICROSECONDS).record(T, 0, frame, -1, -1).bytes(),
        "record 1 is cut short or corrupt");
    // Valid, but pkts-core 3.0.10 cannot frame a record that kept no bytes; no capture has one.
    assertRefused(
        TestPcap.file(MICROSECONDS).record(T, 0, frame, 0).bytes(),
        "record 1 is cut short or corrupt");
  }

  private static void assertRefused(byte[] file, String message) {
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(PcapFormatException.class)
        .hasMessageContaining(message);
  }

  private static byte[] packet(String source, int port) {
    return source.contains(":") ? ipv6(6, source, bytes(0), tcp(port)) : ipv4(6, source, tcp(port));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static PcapFileSummary read(byte[] file) throws IOException {
    return PcapFileReader.read(new ByteArrayInputStream(file));
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
