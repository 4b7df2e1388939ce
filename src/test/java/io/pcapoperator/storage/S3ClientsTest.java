package io.pcapoperator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One client per target and keys, built once and closed with the store. */
class S3ClientsTest {
  private static final String R2 = "https://0123.r2.cloudflarestorage.com";

  @Test
  void aTargetKeepsItsClientAndOtherKeysGetAnother() {
    StorageTarget target =
        StorageTarget.of(R2, "auto", "captures", null, new StorageCredentials("id", "secret"));
    StorageTarget rotated =
        StorageTarget.of(R2, "auto", "captures", null, new StorageCredentials("id", "rotated"));

    try (S3Clients clients = new S3Clients()) {
      assertThat(clients.of(target))
          .isSameAs(
              clients.of(
                  StorageTarget.of(
                      R2, "auto", "captures", null, new StorageCredentials("id", "secret"))));
      assertThat(clients.of(rotated)).isNotSameAs(clients.of(target));
    }
  }
}
