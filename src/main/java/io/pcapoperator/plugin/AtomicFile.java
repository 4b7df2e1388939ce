package io.pcapoperator.plugin;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file whole or not at all: the bytes go to a temporary file in the target's directory,
 * which is moved into place only once written; on failure nothing is left behind.
 */
final class AtomicFile {
  private AtomicFile() {}

  /** Writes {@code bytes} to {@code target}, replacing what was there. */
  static void write(Path target, byte[] bytes) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
      Files.write(temporary, bytes);
      move(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new PluginFailure(
          "cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // The write already failed; that failure is the one to report.
    }
  }
}
