package io.pcapoperator.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pcapoperator.simulator.EmbeddedS3;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The object store against an S3-compatible server that checks signatures and digests. */
class S3ObjectStoreTest {
  private static final String BUCKET = "captures";
  private static final StorageCredentials KEYS =
      new StorageCredentials("AKIDEXAMPLE0001", "wJalrXUtnFEMI-secret-0001");
  private static final byte[] PCAP =
      "\u00d4\u00c3\u00b2\u00a1 pcap".getBytes(StandardCharsets.UTF_8);

  private EmbeddedS3 server;
  private final S3ObjectStore store = new S3ObjectStore();

  @BeforeEach
  void start() {
    server = EmbeddedS3.start(0, KEYS.accessKeyId(), KEYS.secretAccessKey(), List.of(BUCKET));
  }

  @AfterEach
  void stop() {
    store.close();
    server.close();
  }

  @Test
  void putHeadGetDeleteRoundTrip() throws Exception {
    StorageTarget target = target(KEYS);
    String key = ObjectKeys.pcap("pcaps", "edge", "ord-capture", "f3a1");

    StoredObject stored = store.put(target, key, PCAP, ObjectStore.PCAP_CONTENT_TYPE);

    assertThat(stored.uri()).isEqualTo("s3://captures/pcaps/edge/ord-capture/f3a1.pcap");
    assertThat(stored.size()).isEqualTo(PCAP.length);
    assertThat(stored.sha256())
        .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PCAP)));
    assertThat(store.size(target, key)).hasValue(PCAP.length);
    assertThat(store.get(target, key)).hasValueSatisfying(b -> assertThat(b).isEqualTo(PCAP));

    store.delete(target, key);

    assertThat(store.size(target, key)).isEqualTo(OptionalLong.empty());
    assertThat(store.get(target, key)).isEmpty();
  }

  @Test
  void copyToStreamsTheObjectAndWritesNothingForOneThatIsNotThere() {
    StorageTarget target = target(KEYS);
    store.put(target, "full/pcap_1.pcap", PCAP, ObjectStore.PCAP_CONTENT_TYPE);
    ByteArrayOutputStream copied = new ByteArrayOutputStream();
    ByteArrayOutputStream absent = new ByteArrayOutputStream();

    assertThat(store.copyTo(target, "full/pcap_1.pcap", copied)).isTrue();
    assertThat(store.copyTo(target, "full/pcap_2.pcap", absent)).isFalse();

    assertThat(copied.toByteArray()).isEqualTo(PCAP);
    assertThat(absent.size()).isZero();
  }

  @Test
  void deletingWhatIsNotThereSucceeds() {
    StorageTarget target = target(KEYS);
    store.put(target, "a.pcap", PCAP, ObjectStore.PCAP_CONTENT_TYPE);

    store.delete(target, "a.pcap");
    store.delete(target, "a.pcap");
    store.delete(target, "never-written.pcap");

    assertThat(store.size(target, "a.pcap")).isEmpty();
  }

  @Test
  void wrongKeysArePermanentAndTheMessageNamesNeither() {
    StorageCredentials wrong = new StorageCredentials("AKIDWRONG0002", "not-the-secret-0002");
    StorageCredentials wrongSecret =
        new StorageCredentials(KEYS.accessKeyId(), "not-the-secret-0003");

    for (StorageCredentials keys : List.of(wrong, wrongSecret)) {
      StorageException refused =
          catchThrowableOfType(
              StorageException.class,
              () -> store.put(target(keys), "x/y.pcap", PCAP, ObjectStore.PCAP_CONTENT_TYPE));

      assertThat(refused.isTransient()).as(refused.getMessage()).isFalse();
      assertThat(refused.getMessage()).contains("put s3://captures/x/y.pcap", "HTTP 403");
      assertThat(refused.errorCode()).isNotBlank();
      assertThat(refused.getMessage()).contains(refused.errorCode());
      assertNoSecrets(refused, keys);
      assertThat(keys.toString()).doesNotContain(keys.accessKeyId(), keys.secretAccessKey());
    }
  }

  @Test
  void aMissingBucketIsPermanent() {
    StorageTarget target =
        new StorageTarget(server.endpoint(), "us-east-1", "no-such-bucket", true, KEYS);

    StorageException refused =
        catchThrowableOfType(StorageException.class, () -> store.delete(target, "a.pcap"));

    assertThat(refused.isTransient()).isFalse();
    assertThat(refused.errorCode()).isEqualTo("NoSuchBucket");
    assertThat(refused.getMessage()).contains("delete s3://no-such-bucket/a.pcap", "NoSuchBucket");
    assertNoSecrets(refused, KEYS);
  }

  @Test
  void aStoppedServerIsTransient() {
    StorageTarget target = target(KEYS);
    server.close();

    StorageException unreachable =
        catchThrowableOfType(
            StorageException.class,
            () -> store.put(target, "a.pcap", PCAP, ObjectStore.PCAP_CONTENT_TYPE));

    assertThat(unreachable.isTransient()).as(unreachable.getMessage()).isTrue();
    assertThat(unreachable.getMessage()).contains("put s3://captures/a.pcap");
    assertNoSecrets(unreachable, KEYS);
    server = EmbeddedS3.start(0, KEYS.accessKeyId(), KEYS.secretAccessKey(), List.of());
  }

  private StorageTarget target(StorageCredentials keys) {
    return StorageTarget.of(server.endpoint().toString(), null, BUCKET, null, keys);
  }

  /** No message of the exception or of its causes holds either key. */
  private static void assertNoSecrets(Throwable failure, StorageCredentials keys) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      assertThat(String.valueOf(t.getMessage()))
          .doesNotContain(keys.accessKeyId())
          .doesNotContain(keys.secretAccessKey());
      assertThat(t.toString())
          .doesNotContain(keys.accessKeyId())
          .doesNotContain(keys.secretAccessKey());
    }
  }
}
