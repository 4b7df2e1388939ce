package io.pcapoperator.app;

/** A command line the program cannot run: the message says what to fix. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
