package io.pcapoperator.pcapfile;

import static io.pcapoperator.pcapfile.IpPacket.UNKNOWN;

/**
 * Reads the source, the protocol and the TCP or UDP destination port from IPv4 and IPv6 headers,
 * however short the captured frame: what the frame does not hold is {@link IpPacket#UNKNOWN}, and a
 * frame cut inside the fixed IP header is no IP packet. IPv6 Hop-by-Hop, Routing, Fragment and
 * Destination Options headers are skipped; AH and ESP are the protocol. Only a datagram's first
 * fragment has a port.
 */
final class IpHeaders {
  static final int TCP = 6;
  static final int UDP = 17;

  private static final int IPV4_HEADER = 20;
  private static final int IPV6_HEADER = 40;
  private static final int HOP_BY_HOP = 0;
  private static final int ROUTING = 43;
  private static final int FRAGMENT = 44;
  private static final int DESTINATION_OPTIONS = 60;
  private static final int EXTENSION_UNIT = 8;

  private IpHeaders() {}

  /** The IP packet whose header starts at {@code at}, or null when there is none. */
  static IpPacket decode(byte[] frame, int at) {
    if (at >= frame.length) {
      return null;
    }
    return switch (Bytes.u8(frame, at) >>> 4) {
      case 4 -> ipv4(frame, at);
      case 6 -> ipv6(frame, at);
      default -> null;
    };
  }

  private static IpPacket ipv4(byte[] frame, int at) {
    int headerLength = (Bytes.u8(frame, at) & 0x0F) * 4;
    if (frame.length - at < IPV4_HEADER || headerLength < IPV4_HEADER) {
      return null;
    }
    IpAddress source = IpAddress.read(frame, at + 12, 4);
    int protocol = Bytes.u8(frame, at + 9);
    boolean firstFragment = (Bytes.u16(frame, at + 6) & 0x1FFF) == 0;
    int port = firstFragment ? destinationPort(protocol, frame, at + headerLength) : UNKNOWN;
    return new IpPacket(source, protocol, port);
  }

  private static IpPacket ipv6(byte[] frame, int at) {
    if (frame.length - at < IPV6_HEADER) {
      return null;
    }
    IpAddress source = IpAddress.read(frame, at + 8, 16);
    int next = Bytes.u8(frame, at + 6);
    int header = at + IPV6_HEADER;
    while (isSkippedExtension(next)) {
      if (header + EXTENSION_UNIT > frame.length) {
        return new IpPacket(source, UNKNOWN, UNKNOWN);
      }
      int following = Bytes.u8(frame, header);
      if (next == FRAGMENT) {
        if ((Bytes.u16(frame, header + 2) & 0xFFF8) != 0) {
          return new IpPacket(source, following, UNKNOWN);
        }
        header += EXTENSION_UNIT;
      } else {
        header += EXTENSION_UNIT * (1 + Bytes.u8(frame, header + 1));
      }
      next = following;
    }
    return new IpPacket(source, next, destinationPort(next, frame, header));
  }

  private static boolean isSkippedExtension(int header) {
    return header == HOP_BY_HOP
        || header == ROUTING
        || header == FRAGMENT
        || header == DESTINATION_OPTIONS;
  }

  /** Bytes 2-3 of a TCP or UDP header, when the frame holds them. */
  private static int destinationPort(int protocol, byte[] frame, int transport) {
    boolean ported = protocol == TCP || protocol == UDP;
    return ported && transport + 4 <= frame.length ? Bytes.u16(frame, transport + 2) : UNKNOWN;
  }
}
