package io.pcapoperator.app;

/**
 * Ends the process when the operator cannot go on, so that its pod restarts (or the user sees it
 * stop). Tests pass one that records the reason instead of exiting the JVM.
 */
@FunctionalInterface
public interface ProcessExit {
  /** Exits the JVM with status 1; the shutdown hook lets the command close what it started. */
  ProcessExit SYSTEM = reason -> System.exit(1);

  /** Ends the process; {@code reason} is one line, already logged. */
  void exit(String reason);
}
