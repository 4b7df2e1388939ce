package io.pcapoperator.pcapfile;

/** Big-endian (network order) reads from a frame. */
final class Bytes {
  private Bytes() {}

  static int u8(byte[] bytes, int at) {
    return bytes[at] & 0xFF;
  }

  static int u16(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }
}
