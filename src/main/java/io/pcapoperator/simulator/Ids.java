package io.pcapoperator.simulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Cloudflare-shaped ids: 32 lowercase hex characters. */
final class Ids {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  static String next() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
