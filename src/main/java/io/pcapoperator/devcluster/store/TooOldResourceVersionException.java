package io.pcapoperator.devcluster.store;

/** A watch asked to resume from a resource version older than the store's history. */
public final class TooOldResourceVersionException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Explains which version was asked and which is the oldest kept. */
  public TooOldResourceVersionException(long asked, long oldest) {
    super("too old resource version: " + asked + " (" + oldest + ")");
  }
}
