package io.pcapoperator.plugin;

import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.storage.StorageTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fetches a full capture's files from its bucket into a directory, each streamed to disk and
 * written whole or not at all. A refusal of the store becomes one line that names the object, never
 * the keys.
 */
final class BucketDownload {
  private BucketDownload() {}

  /** A file written, and its size. */
  record Written(Path file, long bytes) {}

  /**
   * Downloads every file of {@code capture} into {@code directory}.
   *
   * @param endpoint the store's URL; {@code null} for AWS S3
   * @param region the signing region; {@code null} for the location's, else the default
   */
  static List<Written> fetch(
      BucketFiles capture,
      String endpoint,
      String region,
      StorageCredentials keys,
      Path directory) {
    if (endpoint == null && !capture.bucket().isS3()) {
      throw new PluginFailure(
          capture.location()
              + " is not an AWS S3 bucket: give the S3-compatible endpoint of its store with"
              + " --s3-endpoint");
    }
    StorageTarget target =
        StorageTarget.of(
            endpoint,
            region != null ? region : capture.bucket().region(),
            capture.bucket().bucket(),
            null,
            keys);
    List<Written> written = new ArrayList<>();
    try (S3ObjectStore store = new S3ObjectStore()) {
      for (String name : capture.files()) {
        Path file = directory.resolve(name);
        String key = capture.bucket().key(name);
        AtomicFile.write(file, out -> copy(store, target, key, out, capture));
        written.add(new Written(file, size(file)));
      }
    }
    return written;
  }

  private static void copy(
      S3ObjectStore store,
      StorageTarget target,
      String key,
      OutputStream out,
      BucketFiles capture) {
    try {
      if (!store.copyTo(target, key, out)) {
        throw new PluginFailure(
            "s3://"
                + target.bucket()
                + "/"
                + key
                + " of "
                + capture.name()
                + " is not in the bucket; nothing more written");
      }
    } catch (StorageException e) {
      throw new PluginFailure(
          "cannot download " + capture.name() + "'s files: " + e.getMessage(), e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
