package io.pcapoperator.pcapfile;

/**
 * Where a frame's IP header starts, for the file's link type: Ethernet II (with any number of
 * 802.1Q or 802.1ad VLAN tags) or raw IP. Frames of other link types and other EtherTypes carry no
 * IP packet here.
 */
final class LinkLayer {
  static final int NOT_IP = -1;

  private static final int ETHERNET = 1;
  private static final int RAW = 101;
  private static final int IPV4 = 228;
  private static final int IPV6 = 229;
  private static final int ETHER_TYPE_AT = 12;
  private static final int IPV4_ETHER_TYPE = 0x0800;
  private static final int IPV6_ETHER_TYPE = 0x86DD;
  private static final int VLAN_TAG = 4;

  private LinkLayer() {}

  /** The offset of the IP header in {@code frame}, or {@link #NOT_IP}. */
  static int ipHeaderOffset(int linkType, byte[] frame) {
    return switch (linkType) {
      case ETHERNET -> afterEthernetHeader(frame);
      case RAW, IPV4, IPV6 -> 0;
      default -> NOT_IP;
    };
  }

  private static int afterEthernetHeader(byte[] frame) {
    for (int at = ETHER_TYPE_AT; at + 2 <= frame.length; at += VLAN_TAG) {
      int etherType = Bytes.u16(frame, at);
      if (etherType == IPV4_ETHER_TYPE || etherType == IPV6_ETHER_TYPE) {
        return at + 2;
      }
      if (!isVlanTag(etherType)) {
        return NOT_IP;
      }
    }
    return NOT_IP;
  }

  /** 802.1Q, 802.1ad, and the 0x9100 that QinQ used before 802.1ad. */
  private static boolean isVlanTag(int etherType) {
    return etherType == 0x8100 || etherType == 0x88A8 || etherType == 0x9100;
  }
}
