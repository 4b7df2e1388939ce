package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.PcapFilter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Synthetic frames that match a capture's filter: Ethernet II, an IPv4 or IPv6 header, and a TCP,
 * UDP or ICMP message with every length and checksum right, so that tshark and tcpdump read them as
 * they read a real capture. The traffic is a deterministic function of the filter and the frame's
 * index: a few sources and destination ports of different weights, TCP SYNs and data segments,
 * DNS-like UDP and pings, of sizes from 54 to 1 514 bytes. One frame in five is TCP or UDP over
 * IPv6 when the filter allows it: no address (the filter's addresses are IPv4) and no protocol but
 * TCP or UDP.
 */
final class SyntheticTraffic {
  static final int TCP = 6;
  static final int UDP = 17;
  static final int ICMP = 1;

  private static final int ETHERNET_HEADER = 14;
  private static final int IPV4_HEADER = 20;
  private static final int IPV6_HEADER = 40;
  private static final int MTU = 1500;
  private static final int TCP_HEADER = 20;
  private static final int UDP_HEADER = 8;
  private static final int ICMP_ECHO_HEADER = 8;

  private static final byte[] DESTINATION_MAC = {0x02, 0, 0, 0, 0, 0x01};
  private static final byte[] SOURCE_MAC = {0x02, 0, 0, 0, 0, 0x02};
  private static final int[] TCP_PORTS = {443, 443, 443, 443, 80, 80, 80, 22, 22, 8080};
  private static final int[] UDP_PORTS = {53, 53, 53, 123};
  private static final int NTP_LENGTH = 48;

  private SyntheticTraffic() {}

  /** The whole frame number {@code index}, as it crossed the wire. */
  static byte[] frame(PcapFilter filter, int index) {
    PcapFilter f = filter == null ? PcapFilter.ANY : filter;
    return index % 5 == 2 && allowsIpv6(f) ? ipv6Frame(f, index) : ipv4Frame(f, index);
  }

  private static byte[] ipv4Frame(PcapFilter f, int index) {
    int protocol = protocol(f, index);
    byte[] source = address(f.sourceAddress(), 198, 51, 100, 10 * sourceHost(index));
    byte[] destination = address(f.destinationAddress(), 203, 0, 113, index % 4 == 3 ? 8 : 7);
    int maxPayload = MTU - IPV4_HEADER - TCP_HEADER;
    byte[] transport =
        switch (protocol) {
          case TCP -> tcp(f, index, source, destination, maxPayload);
          case UDP -> udp(f, index, source, destination);
          case ICMP -> icmpEcho(index);
          default -> payload(IPV4_HEADER + index % 100, index);
        };
    ByteBuffer frame = ByteBuffer.allocate(ETHERNET_HEADER + IPV4_HEADER + transport.length);
    frame.put(DESTINATION_MAC).put(SOURCE_MAC).putShort((short) 0x0800);
    frame.put(ipv4Header(protocol, index, source, destination, transport.length));
    frame.put(transport);
    return frame.array();
  }

  /** TCP or UDP from 2001:db8:100::{10..70} to 2001:db8:113::7 or ::8, weighted as over IPv4. */
  private static byte[] ipv6Frame(PcapFilter f, int index) {
    int protocol = protocol(f, index);
    byte[] source = ipv6Address(0x100, 10 * sourceHost(index));
    byte[] destination = ipv6Address(0x113, index % 4 == 3 ? 8 : 7);
    int maxPayload = MTU - IPV6_HEADER - TCP_HEADER;
    byte[] transport =
        protocol == TCP
            ? tcp(f, index, source, destination, maxPayload)
            : udp(f, index, source, destination);
    ByteBuffer frame = ByteBuffer.allocate(ETHERNET_HEADER + IPV6_HEADER + transport.length);
    frame.put(DESTINATION_MAC).put(SOURCE_MAC).putShort((short) 0x86DD);
    frame.putInt(0x60000000).putShort((short) transport.length);
    frame.put((byte) protocol).put((byte) (index % 5 == 0 ? 57 : 64));
    frame.put(source).put(destination).put(transport);
    return frame.array();
  }

  /** Whether an IPv6 frame can match: the filter's addresses are IPv4, and pings are ICMP. */
  private static boolean allowsIpv6(PcapFilter f) {
    boolean tcpOrUdp = f.protocol() == null || f.protocol() == TCP || f.protocol() == UDP;
    return f.sourceAddress() == null && f.destinationAddress() == null && tcpOrUdp;
  }

  /** The filter's protocol; else mostly TCP, with UDP, and pings when no port is asked for. */
  private static int protocol(PcapFilter f, int index) {
    if (f.protocol() != null) {
      return f.protocol();
    }
    boolean ported = f.sourcePort() != null || f.destinationPort() != null;
    int slot = index % 10;
    if (slot < 7) {
      return TCP;
    }
    return slot < 9 || ported ? UDP : ICMP;
  }

  /** Host 1 sends most, host 7 least: seven sources of distinct weights (7, 6, ... 1 in 28). */
  private static int sourceHost(int index) {
    int slot = index % 28;
    int host = 1;
    for (int weight = 7; slot >= weight; weight--) {
      slot -= weight;
      host++;
    }
    return host;
  }

  private static byte[] ipv4Header(
      int protocol, int index, byte[] source, byte[] destination, int payloadLength) {
    ByteBuffer ip = ByteBuffer.allocate(IPV4_HEADER);
    ip.put((byte) 0x45).put((byte) 0).putShort((short) (IPV4_HEADER + payloadLength));
    ip.putShort((short) index).putShort((short) 0x4000);
    ip.put((byte) (index % 5 == 0 ? 57 : 64)).put((byte) protocol).putShort((short) 0);
    ip.put(source).put(destination);
    byte[] header = ip.array();
    putChecksum(header, 10, checksum(0, header));
    return header;
  }

  private static byte[] tcp(
      PcapFilter f, int index, byte[] source, byte[] destination, int maxPayload) {
    boolean syn = index % 3 == 0;
    int destinationPort = port(f.destinationPort(), TCP_PORTS, index);
    byte[] data = syn ? new byte[0] : tcpPayload(destinationPort, index, maxPayload);
    ByteBuffer tcp = ByteBuffer.allocate(TCP_HEADER + data.length);
    tcp.putShort((short) sourcePort(f, index)).putShort((short) destinationPort);
    tcp.putInt(index * 1000 + 1).putInt(syn ? 0 : 7000 + index);
    tcp.put((byte) 0x50).put((byte) (syn ? 0x02 : 0x18)).putShort((short) 64240);
    tcp.putShort((short) 0).putShort((short) 0).put(data);
    byte[] segment = tcp.array();
    putChecksum(segment, 16, transportChecksum(TCP, source, destination, segment));
    return segment;
  }

  private static byte[] udp(PcapFilter f, int index, byte[] source, byte[] destination) {
    int destinationPort = port(f.destinationPort(), UDP_PORTS, index);
    byte[] data = udpPayload(destinationPort, index);
    ByteBuffer udp = ByteBuffer.allocate(UDP_HEADER + data.length);
    udp.putShort((short) sourcePort(f, index)).putShort((short) destinationPort);
    udp.putShort((short) (UDP_HEADER + data.length)).putShort((short) 0).put(data);
    byte[] datagram = udp.array();
    int sum = transportChecksum(UDP, source, destination, datagram);
    putChecksum(datagram, 6, sum == 0 ? 0xFFFF : sum);
    return datagram;
  }

  private static byte[] icmpEcho(int index) {
    byte[] data = payload(56, index);
    ByteBuffer icmp = ByteBuffer.allocate(ICMP_ECHO_HEADER + data.length);
    icmp.put((byte) 8).put((byte) 0).putShort((short) 0);
    icmp.putShort((short) 0x7063).putShort((short) index).put(data);
    byte[] message = icmp.array();
    putChecksum(message, 2, checksum(0, message));
    return message;
  }

  /** The filter's source port, else an ephemeral one (49152-65535), as clients pick them. */
  private static int sourcePort(PcapFilter f, int index) {
    return f.sourcePort() != null ? f.sourcePort() : 49152 + (index * 7919) % 16384;
  }

  /**
   * A data segment's payload in the shape its port's protocol expects (an HTTP request, a TLS
   * record), so that tshark's dissectors find nothing malformed; other ports carry plain bytes.
   */
  private static byte[] tcpPayload(int port, int index, int maxPayload) {
    int length = 1 + (index * 37) % maxPayload;
    return switch (port) {
      case 80, 8080 -> httpRequest(length, index);
      case 443 -> tlsApplicationData(length, index);
      default -> payload(length, index);
    };
  }

  /** A DNS query on 53, an NTP client request on 123, plain bytes elsewhere. */
  private static byte[] udpPayload(int port, int index) {
    return switch (port) {
      case 53 -> dnsQuery(index);
      case 123 -> ntpRequest();
      default -> payload(20 + (index * 13) % 500, index);
    };
  }

  private static byte[] httpRequest(int length, int index) {
    String head = "GET /item/" + index + " HTTP/1.1\r\nHost: www.example.com\r\nX-Pad: ";
    String end = "\r\n\r\n";
    int pad = Math.max(1, length - head.length() - end.length());
    return (head + "a".repeat(pad) + end).getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] tlsApplicationData(int length, int index) {
    int body = Math.max(1, length - 5);
    ByteBuffer record = ByteBuffer.allocate(5 + body);
    record.put((byte) 23).putShort((short) 0x0303).putShort((short) body);
    record.put(payload(body, index));
    return record.array();
  }

  private static byte[] dnsQuery(int index) {
    byte[] host = ("host" + index % 50).getBytes(StandardCharsets.US_ASCII);
    byte[] domain = "example".getBytes(StandardCharsets.US_ASCII);
    byte[] top = "com".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer dns = ByteBuffer.allocate(12 + 3 + host.length + domain.length + top.length + 1 + 4);
    dns.putShort((short) index).putShort((short) 0x0100).putShort((short) 1);
    dns.putShort((short) 0).putShort((short) 0).putShort((short) 0);
    dns.put((byte) host.length).put(host).put((byte) domain.length).put(domain);
    dns.put((byte) top.length).put(top).put((byte) 0);
    dns.putShort((short) 1).putShort((short) 1);
    return dns.array();
  }

  private static byte[] ntpRequest() {
    byte[] ntp = new byte[NTP_LENGTH];
    ntp[0] = 0x23; // leap 0, version 4, mode 3 (client)
    return ntp;
  }

  private static int port(Integer asked, int[] usual, int index) {
    return asked != null ? asked : usual[index % usual.length];
  }

  private static byte[] payload(int length, int index) {
    byte[] data = new byte[length];
    for (int i = 0; i < length; i++) {
      data[i] = (byte) (i * 31 + index);
    }
    return data;
  }

  private static byte[] address(String dotted, int a, int b, int c, int d) {
    if (dotted == null) {
      return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d};
    }
    String[] parts = dotted.split("\\.");
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) Integer.parseInt(parts[i]);
    }
    return out;
  }

  /** 2001:db8:{@code network}::{@code host}, a documentation address (RFC 3849). */
  private static byte[] ipv6Address(int network, int host) {
    return ByteBuffer.allocate(16)
        .putInt(0x20010db8)
        .putShort((short) network)
        .putLong(0)
        .putShort((short) host)
        .array();
  }

  /**
   * The TCP or UDP checksum: over the IPv4 (RFC 793) or IPv6 (RFC 8200) pseudo-header and the whole
   * segment.
   */
  private static int transportChecksum(
      int protocol, byte[] source, byte[] destination, byte[] segment) {
    ByteBuffer pseudo = ByteBuffer.allocate(2 * source.length + (source.length == 4 ? 4 : 8));
    pseudo.put(source).put(destination);
    if (source.length == 4) {
      pseudo.put((byte) 0).put((byte) protocol).putShort((short) segment.length);
    } else {
      pseudo.putInt(segment.length).put(new byte[3]).put((byte) protocol);
    }
    return checksum(sum(0, pseudo.array()), segment);
  }

  /** The Internet checksum (RFC 1071) of {@code bytes}, continuing a running sum. */
  private static int checksum(int running, byte[] bytes) {
    int total = sum(running, bytes);
    while ((total >>> 16) != 0) {
      total = (total & 0xFFFF) + (total >>> 16);
    }
    return ~total & 0xFFFF;
  }

  private static int sum(int running, byte[] bytes) {
    int total = running;
    for (int i = 0; i < bytes.length; i += 2) {
      int high = (bytes[i] & 0xFF) << 8;
      int low = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
      total += high | low;
      total = (total & 0xFFFF) + (total >>> 16);
    }
    return total;
  }

  private static void putChecksum(byte[] bytes, int at, int checksum) {
    bytes[at] = (byte) (checksum >>> 8);
    bytes[at + 1] = (byte) checksum;
  }
}
