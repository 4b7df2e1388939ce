package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.PcapFilter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Writes a libpcap file (microsecond timestamps, Ethernet link type) of synthetic IPv4 packets that
 * match a capture's filter, keeping the first 160 bytes of each as Cloudflare's sampled captures
 * do.
 */
final class PcapFileWriter {
  /** The bytes kept of each packet. */
  static final int SNAP_LENGTH = 160;

  private static final int MAGIC_MICROS = 0xA1B2C3D4;
  private static final int LINKTYPE_ETHERNET = 1;
  private static final int ORIGINAL_LENGTH = 590;

  private PcapFileWriter() {}

  /** A file of {@code packets} packets matching {@code filter}, stamped from {@code start}. */
  static byte[] write(int packets, PcapFilter filter, Instant start) {
    int recordLength = 16 + SNAP_LENGTH;
    ByteBuffer out =
        ByteBuffer.allocate(24 + packets * recordLength).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4);
    out.putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(LINKTYPE_ETHERNET);
    PcapFilter f = filter == null ? PcapFilter.ANY : filter;
    for (int i = 0; i < packets; i++) {
      Instant at = start.plusMillis(i * 10L);
      out.putInt((int) at.getEpochSecond()).putInt(at.getNano() / 1000);
      out.putInt(SNAP_LENGTH).putInt(ORIGINAL_LENGTH);
      out.put(packet(f, i));
    }
    return out.array();
  }

  private static byte[] packet(PcapFilter f, int index) {
    ByteBuffer p = ByteBuffer.allocate(SNAP_LENGTH).order(ByteOrder.BIG_ENDIAN);
    p.put(new byte[] {0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0x02}).putShort((short) 0x0800);
    int protocol = f.protocol() == null ? 6 : f.protocol();
    p.put((byte) 0x45).put((byte) 0).putShort((short) (ORIGINAL_LENGTH - 14));
    p.putShort((short) index).putShort((short) 0x4000).put((byte) 64).put((byte) protocol);
    p.putShort((short) 0);
    p.put(address(f.sourceAddress(), 198, 51, 100, 1 + index % 250));
    p.put(address(f.destinationAddress(), 203, 0, 113, 7));
    int sourcePort = f.sourcePort() == null ? 1024 + index % 60000 : f.sourcePort();
    int destinationPort = f.destinationPort() == null ? 443 : f.destinationPort();
    p.putShort((short) sourcePort).putShort((short) destinationPort);
    return p.array();
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
}
