package io.pcapoperator.devcluster.proto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the fields of one protocol buffers message in order: varints and length-delimited fields
 * (strings, bytes, nested messages, map entries); fixed-width fields are skipped.
 */
final class ProtoReader {
  private static final int VARINT = 0;
  private static final int FIXED64 = 1;
  private static final int LENGTH_DELIMITED = 2;
  private static final int FIXED32 = 5;

  private final byte[] bytes;
  private int position;
  private final int end;
  private int fieldNumber;
  private int wireType;
  private long varint;
  private byte[] value;

  ProtoReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  ProtoReader(byte[] bytes, int offset, int end) {
    this.bytes = bytes;
    this.position = offset;
    this.end = end;
  }

  /** Moves to the next field; false at the end of the message. */
  boolean next() {
    if (position >= end) {
      return false;
    }
    long key = readVarint();
    fieldNumber = (int) (key >>> 3);
    wireType = (int) (key & 7);
    switch (wireType) {
      case VARINT -> varint = readVarint();
      case LENGTH_DELIMITED -> {
        int length = (int) readVarint();
        if (length < 0 || position + length > end) {
          throw new IllegalArgumentException("a field is longer than its message");
        }
        value = Arrays.copyOfRange(bytes, position, position + length);
        position += length;
      }
      case FIXED64 -> skip(8);
      case FIXED32 -> skip(4);
      default -> throw new IllegalArgumentException("unknown wire type " + wireType);
    }
    return true;
  }

  /** The current field's number. */
  int field() {
    return fieldNumber;
  }

  /** The current varint field's value. */
  long varint() {
    return varint;
  }

  /** The current length-delimited field's bytes. */
  byte[] bytes() {
    return value;
  }

  /** The current length-delimited field as UTF-8 text. */
  String string() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** A reader of the current length-delimited field as a nested message. */
  ProtoReader message() {
    return new ProtoReader(value);
  }

  private long readVarint() {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= end) {
        throw new IllegalArgumentException("the message ends inside a varint");
      }
      byte b = bytes[position++];
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw new IllegalArgumentException("a varint is longer than 10 bytes");
  }

  private void skip(int count) {
    if (position + count > end) {
      throw new IllegalArgumentException("the message ends inside a field");
    }
    position += count;
  }
}
