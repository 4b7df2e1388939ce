package io.pcapoperator.app;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * A server could not listen on the port a flag gave (in use, or not allowed): the message names the
 * flag and the port, in one line for the user.
 */
final class PortUnavailableException extends OneLineFailure {
  private static final long serialVersionUID = 1L;

  private PortUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Starts a server on {@code port}, which flag {@code --flag} gave; a failure to bind becomes a
   * {@code PortUnavailableException} that names the flag.
   */
  static <T> T listening(String flag, int port, Supplier<T> start) {
    try {
      return start.get();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof BindException bind) {
        throw new PortUnavailableException(
            "--" + flag + " " + port + ": " + bind.getMessage().toLowerCase(Locale.ROOT), e);
      }
      throw e;
    }
  }
}
