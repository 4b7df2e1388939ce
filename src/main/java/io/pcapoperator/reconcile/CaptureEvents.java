package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on a PacketCapture, so that {@code kubectl describe} tells its story. A
 * failed event write is logged and otherwise ignored: events are best effort.
 */
public class CaptureEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureEvents.class);
  private static final String COMPONENT = "pcap-operator";

  private final KubernetesClient client;
  private final Clock clock;

  public CaptureEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A Normal event: something the user asked for happened. */
  public void normal(PacketCapture capture, String reason, String message) {
    record(capture, "Normal", reason, message);
  }

  /** A Warning event: something went wrong that the user may need to act on. */
  public void warning(PacketCapture capture, String reason, String message) {
    record(capture, "Warning", reason, message);
  }

  private void record(PacketCapture capture, String type, String reason, String message) {
    var meta = capture.getMetadata();
    String now =
        DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    var event =
        new EventBuilder()
            .withNewMetadata()
            .withName(
                meta.getName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()))
            .withNamespace(meta.getNamespace())
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(capture.getApiVersion())
                    .withKind(capture.getKind())
                    .withName(meta.getName())
                    .withNamespace(meta.getNamespace())
                    .withUid(meta.getUid())
                    .withResourceVersion(meta.getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withCount(1)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(meta.getNamespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on {}/{}: {}",
          reason,
          meta.getNamespace(),
          meta.getName(),
          e.getMessage());
    }
  }
}
