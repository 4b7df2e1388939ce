package io.pcapoperator.app;

/**
 * A command failed for a reason its message says whole, in one line for the user: the command exits
 * with status 1 and prints that line, no stack trace.
 */
class OneLineFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OneLineFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
