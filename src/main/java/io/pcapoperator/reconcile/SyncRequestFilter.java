package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.util.Map;
import java.util.Objects;

/**
 * Which changes to a PacketCapture start a reconciliation: a new generation (spec), a deletion, and
 * a new value of the {@value #SYNC_ANNOTATION} annotation, which asks for a read of the remote
 * capture now. Status writes, the operator's own among them, do not.
 */
public final class SyncRequestFilter implements OnUpdateFilter<PacketCapture> {
  /** Set it to any new value (a timestamp, say) to have the capture read from Cloudflare now. */
  public static final String SYNC_ANNOTATION = "pcap-operator.io/sync-now";

  @Override
  public boolean accept(PacketCapture updated, PacketCapture old) {
    return generationIncreased(updated, old)
        || (updated.isMarkedForDeletion() && !old.isMarkedForDeletion())
        || !Objects.equals(annotation(updated, SYNC_ANNOTATION), annotation(old, SYNC_ANNOTATION))
        || !Objects.equals(
            annotation(updated, SubmissionRecovery.ADOPT_ANNOTATION),
            annotation(old, SubmissionRecovery.ADOPT_ANNOTATION));
  }

  private static boolean generationIncreased(PacketCapture updated, PacketCapture old) {
    Long before = old.getMetadata().getGeneration();
    Long after = updated.getMetadata().getGeneration();
    return before == null || after == null || after > before;
  }

  private static String annotation(PacketCapture capture, String name) {
    Map<String, String> annotations = capture.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(name);
  }
}
