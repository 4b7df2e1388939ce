package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events on a PacketCapture or a PcapBucket, so that {@code kubectl describe}
 * tells its story. As kube's recorder does, a repeat of a recent Event (same resource, type, reason
 * and message) patches that Event's count and last time instead of adding another. Events are best
 * effort: a failed write is logged and otherwise ignored.
 */
public class CaptureEvents {
  private static final Logger LOG = LoggerFactory.getLogger(CaptureEvents.class);
  private static final String COMPONENT = "pcap-operator";

  private final KubernetesClient client;
  private final Clock clock;
  private final RecentEvents recent = new RecentEvents();

  /** Events written with {@code client}, timed by {@code clock} (the API server's, the wall). */
  public CaptureEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** A Normal event: something the user asked for happened. */
  public void normal(HasMetadata capture, String reason, String message) {
    record(capture, "Normal", reason, message);
  }

  /** A Warning event: something went wrong that the user may need to act on. */
  public void warning(HasMetadata capture, String reason, String message) {
    record(capture, "Warning", reason, message);
  }

  private void record(HasMetadata capture, String type, String reason, String message) {
    ObjectMeta meta = capture.getMetadata();
    RecentEvents.Key key =
        new RecentEvents.Key(
            meta.getNamespace(),
            capture.getKind(),
            capture.getApiVersion(),
            meta.getName(),
            meta.getUid(),
            type,
            reason,
            message);
    Instant now = clock.instant();
    String timestamp = DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    try {
      Optional<RecentEvents.Recorded> repeat = recent.get(key).map(RecentEvents.Recorded::again);
      if (repeat.isPresent() && patched(meta.getNamespace(), repeat.get(), timestamp)) {
        recent.put(key, repeat.get());
        return;
      }
      RecentEvents.Recorded created =
          new RecentEvents.Recorded(EventNames.name(meta.getName(), now), 1, timestamp);
      client
          .v1()
          .events()
          .inNamespace(meta.getNamespace())
          .resource(event(capture, created, type, reason, message))
          .create();
      recent.put(key, created);
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record event {} on {}/{}: {}",
          reason,
          meta.getNamespace(),
          meta.getName(),
          e.getMessage());
    }
  }

  /**
   * Writes {@code event}'s count and {@code lastTimestamp} to the Event it names; false when that
   * Event is gone (expired, or deleted).
   */
  private boolean patched(String namespace, RecentEvents.Recorded event, String lastTimestamp) {
    try {
      client
          .v1()
          .events()
          .inNamespace(namespace)
          .withName(event.name())
          .patch(
              PatchContext.of(PatchType.JSON_MERGE),
              "{\"count\":" + event.count() + ",\"lastTimestamp\":\"" + lastTimestamp + "\"}");
      return true;
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        return false;
      }
      throw e;
    }
  }

  private static Event event(
      HasMetadata capture,
      RecentEvents.Recorded recorded,
      String type,
      String reason,
      String message) {
    ObjectMeta meta = capture.getMetadata();
    return new EventBuilder()
        .withNewMetadata()
        .withName(recorded.name())
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
        .withFirstTimestamp(recorded.firstTimestamp())
        .withLastTimestamp(recorded.firstTimestamp())
        .withCount(recorded.count())
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .build();
  }
}
