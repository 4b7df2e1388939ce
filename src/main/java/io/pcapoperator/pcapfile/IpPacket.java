package io.pcapoperator.pcapfile;

/**
 * What the summary counts of one IPv4 or IPv6 packet.
 *
 * @param source the source address
 * @param protocol the IP protocol (IPv6: the header after the skipped extension headers), or {@link
 *     #UNKNOWN} when the frame is cut before it
 * @param destinationPort the TCP or UDP destination port, or {@link #UNKNOWN} for other protocols,
 *     fragments after the first, and transport headers cut before the port
 */
record IpPacket(IpAddress source, int protocol, int destinationPort) {
  static final int UNKNOWN = -1;
}
