package io.pcapoperator.reconcile;

/** Told of every pcap file stored or that failed to be, for metrics. */
public interface ArtifactMetrics {
  /** A file of {@code bytes} was stored (or, without an output, summarised). */
  void stored(long bytes);

  /** Storing a file failed for {@code reason} (a condition reason). */
  void failed(String reason);

  /** Records nothing. */
  static ArtifactMetrics none() {
    return new ArtifactMetrics() {
      @Override
      public void stored(long bytes) {}

      @Override
      public void failed(String reason) {}
    };
  }
}
