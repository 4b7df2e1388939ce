package io.pcapoperator.pcapfile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Hand-built pcap files and frames for the reader's tests. */
final class TestPcap {
  static final int MICROSECONDS = 0xA1B2C3D4;
  static final int NANOSECONDS = 0xA1B23C4D;
  static final int ETHERNET = 1;
  static final int RAW = 101;
  static final int IPV4 = 0x0800;
  static final int IPV6 = 0x86DD;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;

  private TestPcap(int magic, ByteOrder order, int linkType) {
    this.order = order;
    ByteBuffer header = ByteBuffer.allocate(24).order(order);
    header.putInt(magic).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(160).putInt(linkType);
    out.writeBytes(header.array());
  }

  /** A little-endian file with Ethernet frames. */
  static TestPcap file(int magic) {
    return new TestPcap(magic, ByteOrder.LITTLE_ENDIAN, ETHERNET);
  }

  static TestPcap file(int magic, ByteOrder order, int linkType) {
    return new TestPcap(magic, order, linkType);
  }

  /** A record of the whole {@code frame}. */
  TestPcap record(long seconds, long fraction, byte[] frame) {
    return record(seconds, fraction, frame, frame.length);
  }

  /** A record of {@code kept} bytes, the first of {@code frame}. */
  TestPcap record(long seconds, long fraction, byte[] frame, int kept) {
    return record(seconds, fraction, frame, kept, frame.length);
  }

  /** A record whose header says {@code captured} and {@code original}, followed by the bytes. */
  TestPcap record(long seconds, long fraction, byte[] frame, int captured, int original) {
    ByteBuffer header = ByteBuffer.allocate(16).order(order);
    header.putInt((int) seconds).putInt((int) fraction).putInt(captured).putInt(original);
    out.writeBytes(header.array());
    out.write(frame, 0, Math.max(0, Math.min(captured, frame.length)));
    return this;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  static byte[] ethernet(int etherType, byte[] payload, int... vlanTags) {
    ByteBuffer frame = ByteBuffer.allocate(14 + 4 * vlanTags.length + payload.length);
    frame.put(new byte[] {2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2});
    for (int tpid : vlanTags) {
      frame.putShort((short) tpid).putShort((short) 100);
    }
    return frame.putShort((short) etherType).put(payload).array();
  }

  static byte[] ipv4(int protocol, String source, byte[] payload) {
    return ipv4(protocol, source, 0, new byte[0], payload);
  }

  static byte[] ipv4(
      int protocol, String source, int fragmentOffset, byte[] options, byte[] payload) {
    int headerLength = 20 + options.length;
    ByteBuffer ip = ByteBuffer.allocate(headerLength + payload.length);
    ip.put((byte) (0x40 | headerLength / 4)).put((byte) 0);
    ip.putShort((short) (headerLength + payload.length)).putShort((short) 1);
    ip.putShort((short) (fragmentOffset / 8)).put((byte) 64).put((byte) protocol);
    ip.putShort((short) 0).put(dotted(source)).put(dotted("203.0.113.7"));
    return ip.put(options).put(payload).array();
  }

  /** An IPv6 packet; {@code headers} are extension headers, each with its next-header byte. */
  static byte[] ipv6(int next, String source, byte[] headers, byte[] payload) {
    ByteBuffer ip = ByteBuffer.allocate(40 + headers.length + payload.length);
    ip.putInt(0x60000000).putShort((short) (headers.length + payload.length));
    ip.put((byte) next).put((byte) 64).put(colons(source)).put(colons("2001:db8::ffff"));
    return ip.put(headers).put(payload).array();
  }

  static byte[] tcp(int destinationPort) {
    ByteBuffer tcp = ByteBuffer.allocate(20);
    tcp.putShort((short) 50000).putShort((short) destinationPort).putInt(1).putInt(0);
    return tcp.put((byte) 0x50).put((byte) 0x02).putShort((short) 1024).putInt(0).array();
  }

  static byte[] udp(int destinationPort) {
    ByteBuffer udp = ByteBuffer.allocate(8 + 4);
    return udp.putShort((short) 50000)
        .putShort((short) destinationPort)
        .putShort((short) 12)
        .array();
  }

  static byte[] bytes(int length) {
    return new byte[length];
  }

  private static byte[] dotted(String address) {
    String[] parts = address.split("\\.");
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      out[i] = (byte) Integer.parseInt(parts[i]);
    }
    return out;
  }

  private static byte[] colons(String address) {
    try {
      return java.net.InetAddress.getByName(address).getAddress();
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(address, e);
    }
  }
}
