package io.pcapoperator.plugin;

/**
 * A command of {@code kubectl pcap} failed for a reason its message says whole, in one line: the
 * plugin prints {@code error: <message>} and exits 1. Messages name what is wrong, never a secret.
 */
final class PluginFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PluginFailure(String message) {
    super(message);
  }

  PluginFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
