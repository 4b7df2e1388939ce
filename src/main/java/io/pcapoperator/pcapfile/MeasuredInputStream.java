package io.pcapoperator.pcapfile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes (SHA-256) the bytes read through it. */
final class MeasuredInputStream extends FilterInputStream {
  private final MessageDigest sha256;
  private long count;

  MeasuredInputStream(InputStream in) {
    super(in);
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      sha256.update(buffer, offset, n);
      count += n;
    }
    return n;
  }

  /** Skips by reading, so that the skipped bytes are counted and hashed too. */
  @Override
  public long skip(long n) throws IOException {
    byte[] discard = new byte[8192];
    long skipped = 0;
    while (skipped < n) {
      int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public void mark(int limit) {
    // unsupported: a reset would count and hash bytes twice
  }

  @Override
  public void reset() throws IOException {
    throw new IOException("mark and reset are not supported");
  }

  /** Reads what is left, so that the count and the hash cover the whole stream. */
  void readToEnd() throws IOException {
    byte[] discard = new byte[8192];
    while (read(discard, 0, discard.length) >= 0) {
      // counted and hashed by read
    }
  }

  long count() {
    return count;
  }

  String sha256Hex() {
    return HexFormat.of().formatHex(sha256.digest());
  }
}
