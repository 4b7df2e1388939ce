package io.pcapoperator.simulator;

import io.pcapoperator.storage.ObjectStore;
import io.pcapoperator.storage.StorageException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each full capture that succeeded into its bucket, once, as Cloudflare does: {@code
 * pcap_<id>.pcap}, with as many packets as the capture reports, stamped within the time it
 * collected. Nothing is written until a {@link BucketWriter} is given, nor into a bucket it does
 * not reach.
 */
final class FullCaptureFiles implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FullCaptureFiles.class);

  private final CaptureStore captures;
  private final Clock clock;
  private final Set<String> handled = new HashSet<>();
  private BucketWriter writer;

  FullCaptureFiles(CaptureStore captures, Clock clock) {
    this.captures = captures;
    this.clock = clock;
  }

  /** The name of the file capture {@code id} leaves in its bucket. */
  static String fileName(String id) {
    return "pcap_" + id + ".pcap";
  }

  /** Writes with {@code writer} from now on; closes the writer before it, if any. */
  synchronized void writeWith(BucketWriter writer) {
    close();
    this.writer = writer;
  }

  /** Writes the files of the full captures that succeeded since the last call. */
  synchronized void writeSucceeded() {
    if (writer == null) {
      return;
    }
    Instant now = clock.instant();
    for (SimulatedCapture capture : captures.succeededFull(now)) {
      if (handled.add(capture.id())) {
        write(capture, now);
      }
    }
  }

  private void write(SimulatedCapture capture, Instant now) {
    String destination = capture.request().destinationConf();
    String name = fileName(capture.id());
    try {
      if (writer.write(destination, name, capture.fullFile(now), ObjectStore.PCAP_CONTENT_TYPE)) {
        LOG.info("wrote {} into {}", name, destination);
      }
    } catch (StorageException e) {
      LOG.warn("could not write {} into {}: {}", name, destination, e.getMessage());
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }
}
