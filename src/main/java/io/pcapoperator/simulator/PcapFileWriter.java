package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.PcapFilter;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;

/**
 * Writes a libpcap file (microsecond timestamps, Ethernet link type) of {@link SyntheticTraffic}
 * frames, keeping the first 160 bytes of each as Cloudflare's sampled captures do. The frames are
 * spread evenly over the window the request looked at, so that every timestamp lies inside it.
 * Public for the tests that read such files.
 */
public final class PcapFileWriter {
  /** The bytes kept of each packet. */
  static final int SNAP_LENGTH = 160;

  private static final int MAGIC_MICROS = 0xA1B2C3D4;
  private static final int LINKTYPE_ETHERNET = 1;

  private PcapFileWriter() {}

  /**
   * A file of {@code packets} frames matching {@code filter}, stamped inside the window that starts
   * at {@code from} and lasts {@code length}.
   */
  public static byte[] write(int packets, PcapFilter filter, Instant from, Duration length) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(24 + packets * (16 + SNAP_LENGTH));
    ByteBuffer header = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    header.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4);
    header.putInt(0).putInt(0).putInt(SNAP_LENGTH).putInt(LINKTYPE_ETHERNET);
    out.writeBytes(header.array());
    long windowMicros = length.toNanos() / 1000;
    long startMicros = from.getEpochSecond() * 1_000_000 + from.getNano() / 1000;
    for (int i = 0; i < packets; i++) {
      long at = startMicros + windowMicros * (2L * i + 1) / (2L * packets);
      byte[] frame = SyntheticTraffic.frame(filter, i);
      int kept = Math.min(frame.length, SNAP_LENGTH);
      ByteBuffer record = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
      record.putInt((int) (at / 1_000_000)).putInt((int) (at % 1_000_000));
      record.putInt(kept).putInt(frame.length);
      out.writeBytes(record.array());
      out.write(frame, 0, kept);
    }
    return out.toByteArray();
  }
}
