package io.pcapoperator.devcluster.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes the fields of one protocol buffers message: strings, nested messages, booleans, varints
 * and doubles. Fields are written in the order they are given.
 */
final class ProtoWriter {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes a string field, unless it is empty (proto3 leaves defaults out). */
  ProtoWriter string(int field, String value) {
    if (!value.isEmpty()) {
      bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }
    return this;
  }

  /** Writes a nested message field, even an empty one: its presence is what it says. */
  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** Writes a boolean field when true. */
  ProtoWriter bool(int field, boolean value) {
    if (value) {
      key(field, VARINT);
      varint(1);
    }
    return this;
  }

  /** Writes an int64 field. */
  ProtoWriter int64(int field, long value) {
    key(field, VARINT);
    varint(value);
    return this;
  }

  /** Writes a double field. */
  ProtoWriter float64(int field, double value) {
    key(field, FIXED64);
    long bits = Double.doubleToLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)) & 0xff);
    }
    return this;
  }

  /** The message written so far. */
  byte[] toByteArray() {
    return out.toByteArray();
  }

  private ProtoWriter bytes(int field, byte[] value) {
    key(field, LENGTH_DELIMITED);
    varint(value.length);
    out.writeBytes(value);
    return this;
  }

  private void key(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  private void varint(long value) {
    long rest = value;
    while ((rest & ~0x7fL) != 0) {
      out.write((int) ((rest & 0x7f) | 0x80));
      rest >>>= 7;
    }
    out.write((int) rest);
  }
}
