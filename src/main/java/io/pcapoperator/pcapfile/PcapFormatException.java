package io.pcapoperator.pcapfile;

import java.io.IOException;

/**
 * The bytes are not a whole libpcap file: no pcap magic number, a record that claims more bytes
 * than it may hold, or a file that ends inside a header or a record. Retrying the same bytes fails
 * the same way; downloading the file again may not.
 */
public class PcapFormatException extends IOException {
  PcapFormatException(String message) {
    super(message);
  }

  PcapFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
