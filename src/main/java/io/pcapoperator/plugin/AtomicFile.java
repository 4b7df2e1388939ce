package io.pcapoperator.plugin;

import java.io.IOException;
import java.io.OutputStream;
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

  /** What goes into a file, written to its stream. */
  interface Content {
    /** Writes the content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  /** Writes {@code bytes} to {@code target}, replacing what was there. */
  static void write(Path target, byte[] bytes) {
    write(target, out -> out.write(bytes));
  }

  /**
   * Writes what {@code content} writes to {@code target}, replacing what was there; a runtime
   * exception of {@code content} leaves nothing behind either, and is thrown on.
   */
  static void write(Path target, Content content) {
    Path directory = target.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
      try (OutputStream out = Files.newOutputStream(temporary)) {
        content.writeTo(out);
      }
      move(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary);
      throw new PluginFailure(
          "cannot write " + target + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(temporary);
      throw e;
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
