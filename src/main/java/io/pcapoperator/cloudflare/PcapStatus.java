package io.pcapoperator.cloudflare;

import java.util.Locale;

/** The remote statuses a PCAP can report, with the API's spelling. */
public enum PcapStatus {
  UNKNOWN,
  SUCCESS,
  PENDING,
  RUNNING,
  CONVERSION_PENDING,
  CONVERSION_RUNNING,
  COMPLETE,
  FAILED;

  /** The value as the API writes it, e.g. {@code conversion_pending}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses an API value; an unrecognised or missing value is {@link #UNKNOWN}. */
  public static PcapStatus fromWire(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    for (PcapStatus status : values()) {
      if (status.wireValue().equals(value)) {
        return status;
      }
    }
    return UNKNOWN;
  }

  /** Whether the capture can no longer change: it succeeded, completed or failed. */
  public boolean isTerminal() {
    return this == SUCCESS || this == COMPLETE || this == FAILED;
  }
}
