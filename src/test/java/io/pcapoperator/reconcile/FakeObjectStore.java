package io.pcapoperator.reconcile;

import io.pcapoperator.storage.ObjectKeys;
import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.StorageTarget;
import io.pcapoperator.storage.StoredObject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** An {@link ObjectStore} in memory, by URI, whose next calls may be scripted to fail. */
final class FakeObjectStore implements ObjectStore {
  final Map<String, byte[]> objects = new LinkedHashMap<>();
  final Deque<RuntimeException> failures = new ArrayDeque<>();

  @Override
  public StoredObject put(StorageTarget target, String key, byte[] content, String contentType) {
    failNext();
    objects.put(ObjectKeys.uri(target.bucket(), key), content.clone());
    return new StoredObject(target.bucket(), key, content.length, sha256(content));
  }

  @Override
  public OptionalLong size(StorageTarget target, String key) {
    byte[] content = objects.get(ObjectKeys.uri(target.bucket(), key));
    return content == null ? OptionalLong.empty() : OptionalLong.of(content.length);
  }

  @Override
  public Optional<byte[]> get(StorageTarget target, String key) {
    return Optional.ofNullable(objects.get(ObjectKeys.uri(target.bucket(), key)));
  }

  @Override
  public void delete(StorageTarget target, String key) {
    failNext();
    objects.remove(ObjectKeys.uri(target.bucket(), key));
  }

  @Override
  public void close() {}

  private void failNext() {
    if (!failures.isEmpty()) {
      throw failures.remove();
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
