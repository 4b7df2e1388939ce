package io.pcapoperator.pcapfile;

import java.util.Arrays;

/**
 * An IPv4 or IPv6 address read from a packet header. Written as tshark writes it: dotted quad, or
 * the RFC 5952 text of IPv6 (lowercase hex, the longest run of two or more zero groups as "::").
 * Ordered IPv4 before IPv6, then by value.
 */
final class IpAddress implements Comparable<IpAddress> {
  private final byte[] bytes;

  private IpAddress(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The 4 or 16 bytes of {@code packet} that start at {@code offset}. */
  static IpAddress read(byte[] packet, int offset, int length) {
    return new IpAddress(Arrays.copyOfRange(packet, offset, offset + length));
  }

  @Override
  public String toString() {
    return bytes.length == 4 ? dotted() : ipv6Text();
  }

  private String dotted() {
    return (bytes[0] & 0xFF)
        + "."
        + (bytes[1] & 0xFF)
        + "."
        + (bytes[2] & 0xFF)
        + "."
        + (bytes[3] & 0xFF);
  }

  private String ipv6Text() {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
    }
    int zerosAt = -1;
    int zerosLength = 1;
    for (int i = 0; i < 8; ) {
      int end = i;
      while (end < 8 && groups[end] == 0) {
        end++;
      }
      if (end - i > zerosLength) {
        zerosAt = i;
        zerosLength = end - i;
      }
      i = Math.max(end, i + 1);
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == zerosAt) {
        text.append("::");
        i += zerosLength - 1;
      } else {
        if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
          text.append(':');
        }
        text.append(Integer.toHexString(groups[i]));
      }
    }
    return text.toString();
  }

  @Override
  public int compareTo(IpAddress other) {
    int byFamily = Integer.compare(bytes.length, other.bytes.length);
    return byFamily != 0 ? byFamily : Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IpAddress address && Arrays.equals(bytes, address.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
