package io.pcapoperator.pcapfile;

import io.pkts.PacketHandler;
import io.pkts.Pcap;
import io.pkts.buffer.Buffer;
import io.pkts.frame.PcapGlobalHeader;
import io.pkts.framer.FramingException;
import io.pkts.packet.PCapPacket;
import io.pkts.packet.Packet;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a libpcap file in one pass over a stream: its size, its SHA-256 and a summary of its
 * packets (see {@link CaptureSummaryBuilder} for what is counted and how).
 *
 * <p>pkts-core reads the file's own structure: the magic number (either byte order, microsecond or
 * nanosecond timestamps), the file header, and each record's header, timestamp and bytes. The
 * headers inside each frame are read here ({@link LinkLayer}, {@link IpHeaders}) because pkts-core
 * 3.0.10's packet layers do not serve a summary: they give no IP protocol number nor IPv6 next
 * header, so ICMP, GRE or ESP cannot be named; they misplace the transport header after more than
 * four bytes of IPv4 options; they read the first IPv6 extension header's next-header field again
 * for every one that follows; they do not know 802.1ad (QinQ) tags; and a transport header cut by
 * the snap length throws an unchecked exception. pkts-core also stops without a word when the file
 * ends inside a record header, so this class adds up the records' lengths and checks them against
 * the file's size. Through pkts-core it refuses records of more than 262 144 bytes and, though the
 * format allows them, records that kept no bytes at all, which no capture writes.
 */
public final class PcapFileReader {
  private static final int FILE_HEADER = 24;
  private static final int RECORD_HEADER = 16;

  private PcapFileReader() {}

  /**
   * Reads {@code in} to its end; the caller closes it.
   *
   * @throws PcapFormatException when the bytes are not a whole libpcap file
   * @throws IOException when reading {@code in} fails
   */
  public static PcapFileSummary read(InputStream in) throws IOException {
    MeasuredInputStream file = new MeasuredInputStream(in);
    Pcap pcap = open(file);
    PcapGlobalHeader header = pcap.getPcapHeader();
    Records records =
        new Records(
            header.getDataLinkType() & 0xFFFF, new CaptureSummaryBuilder(header.timestampsInNs()));
    try {
      pcap.loop(records);
    } catch (IndexOutOfBoundsException | IllegalArgumentException | FramingException e) {
      throw new PcapFormatException(
          "record " + records.number() + " is cut short or corrupt: " + e.getMessage(), e);
    }
    file.readToEnd();
    long unread = file.count() - FILE_HEADER - records.bytes;
    if (unread != 0) {
      throw new PcapFormatException(
          "the file ends inside the header of record "
              + records.number()
              + ": "
              + unread
              + " bytes follow the last whole record");
    }
    return new PcapFileSummary(file.count(), file.sha256Hex(), records.summary.build());
  }

  private static Pcap open(MeasuredInputStream file) throws IOException {
    try {
      return Pcap.openStream(file);
    } catch (IndexOutOfBoundsException e) {
      file.readToEnd();
      throw new PcapFormatException(
          "not a pcap file: "
              + file.count()
              + " bytes, fewer than the "
              + FILE_HEADER
              + " of a pcap file header",
          e);
    } catch (IllegalArgumentException e) {
      throw new PcapFormatException(
          "not a pcap file: it does not start with a libpcap magic number (pcapng is not read)", e);
    }
  }

  /** Hands each record to the summary and counts the bytes the records take in the file. */
  private static final class Records implements PacketHandler {
    private final int linkType;
    private final CaptureSummaryBuilder summary;
    private long bytes;

    Records(int linkType, CaptureSummaryBuilder summary) {
      this.linkType = linkType;
      this.summary = summary;
    }

    @Override
    public boolean nextPacket(Packet packet) throws IOException {
      PCapPacket record = (PCapPacket) packet;
      if (record.getCapturedLength() > record.getTotalLength()) {
        throw new PcapFormatException(
            "record "
                + number()
                + " claims "
                + record.getCapturedLength()
                + " captured bytes of a "
                + record.getTotalLength()
                + "-byte packet");
      }
      Buffer payload = record.getPayload();
      byte[] frame = payload == null ? new byte[0] : payload.getArray();
      bytes += RECORD_HEADER + frame.length;
      int ip = LinkLayer.ipHeaderOffset(linkType, frame);
      IpPacket decoded = ip == LinkLayer.NOT_IP ? null : IpHeaders.decode(frame, ip);
      summary.add(record.getArrivalTime(), record.getTotalLength(), decoded);
      return true;
    }

    /** The number, from 1, of the record being read. */
    long number() {
      return summary.packets() + 1;
    }
  }
}
