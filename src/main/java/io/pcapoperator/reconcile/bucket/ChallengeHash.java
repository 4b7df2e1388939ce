package io.pcapoperator.reconcile.bucket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The fingerprint of a challenge in status: 16 hex digits of the SHA-256 of its stripped text. */
final class ChallengeHash {
  private ChallengeHash() {}

  static String of(String challenge) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(challenge.strip().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
