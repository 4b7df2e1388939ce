package io.pcapoperator.pcapfile;

/** The names the summary gives IP protocol numbers. */
final class IpProtocols {
  private IpProtocols() {}

  /** TCP, UDP, ICMP, ICMPv6, GRE or ESP; any other protocol by its number, such as "51". */
  static String name(int protocol) {
    return switch (protocol) {
      case 1 -> "ICMP";
      case IpHeaders.TCP -> "TCP";
      case IpHeaders.UDP -> "UDP";
      case 47 -> "GRE";
      case 50 -> "ESP";
      case 58 -> "ICMPv6";
      default -> Integer.toString(protocol);
    };
  }
}
