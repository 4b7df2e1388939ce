package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Event;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events written to the embedded Kubernetes API, aggregated as kube's own recorder does. */
class CaptureEventsTest {
  private static final String DNS_SUBDOMAIN =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";

  private EmbeddedKubernetes kube;
  private ManualClock clock;
  private CaptureEvents events;

  @BeforeEach
  void start() {
    kube = EmbeddedKubernetes.start(0);
    clock = new ManualClock(Instant.parse("2026-12-03T09:00:00.123456789Z"));
    events = new CaptureEvents(kube.client(), clock);
  }

  @AfterEach
  void stop() {
    kube.close();
  }

  @Test
  void aLongestObjectNameStillMakesAValidEventName() {
    // 253 characters whose cut for the event name falls just after a dash.
    String name = "a".repeat(235) + "-" + "b".repeat(17);
    PacketCapture capture = create(name);

    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");

    List<Event> recorded = events(name);
    assertThat(recorded).hasSize(1);
    String eventName = recorded.get(0).getMetadata().getName();
    assertThat(eventName)
        .hasSizeLessThanOrEqualTo(253)
        .matches(DNS_SUBDOMAIN)
        .startsWith("a".repeat(235) + ".");
  }

  @Test
  void theEventNameIsTheObjectNameAndTheHexOfTheUnixNanos() {
    PacketCapture capture = create("web");

    events.normal(capture, "Submitted", "created capture 1");

    long nanos = clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
    assertThat(events("web"))
        .extracting(e -> e.getMetadata().getName())
        .containsExactly("web." + Long.toHexString(nanos));
  }

  @Test
  void theSameEventTwiceIsOneEventCountedTwice() {
    PacketCapture capture = create("rejected");
    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");
    Event first = events("rejected").get(0);

    clock.advance(Duration.ofSeconds(10));
    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");

    List<Event> recorded = events("rejected");
    assertThat(recorded).hasSize(1);
    Event event = recorded.get(0);
    assertThat(event.getMetadata().getName()).isEqualTo(first.getMetadata().getName());
    assertThat(event.getMetadata().getResourceVersion())
        .isNotEqualTo(first.getMetadata().getResourceVersion());
    assertThat(event.getCount()).isEqualTo(2);
    assertThat(event.getFirstTimestamp()).isEqualTo("2026-12-03T09:00:00Z");
    assertThat(event.getLastTimestamp()).isEqualTo("2026-12-03T09:00:10Z");
  }

  @Test
  void anotherMessageIsAnotherEvent() {
    PacketCapture capture = create("two");
    events.warning(capture, "RemoteUnavailable", "Cloudflare answered 503");
    clock.advance(Duration.ofSeconds(1));
    events.warning(capture, "RemoteUnavailable", "Cloudflare answered 502");
    clock.advance(Duration.ofSeconds(1));
    events.warning(capture, "RemoteUnavailable", "Cloudflare answered 503");

    assertThat(events("two"))
        .extracting(Event::getMessage, Event::getCount)
        .containsExactlyInAnyOrder(
            tuple("Cloudflare answered 503", 2), tuple("Cloudflare answered 502", 1));
  }

  @Test
  void anEventDeletedSinceIsRecordedAnewAndCountedOn() {
    PacketCapture capture = create("expired");
    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");
    kube.client().v1().events().inNamespace("default").delete();

    clock.advance(Duration.ofSeconds(10));
    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");
    clock.advance(Duration.ofSeconds(10));
    events.warning(capture, "AuthenticationFailed", "Cloudflare rejected the credentials");

    assertThat(events("expired"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(2))
        .satisfies(e -> assertThat(e.getFirstTimestamp()).isEqualTo("2026-12-03T09:00:10Z"))
        .satisfies(e -> assertThat(e.getLastTimestamp()).isEqualTo("2026-12-03T09:00:20Z"));
  }

  private PacketCapture create(String name) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId("023e105f4ecef8ad9ca31a8372d0c353");
    spec.setCredentialsSecretRef(new SecretReference("cloudflare-api"));
    spec.setType(CaptureType.SIMPLE);
    spec.setTimeLimit(60);
    spec.setPacketLimit(100);
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setName(name);
    capture.getMetadata().setNamespace("default");
    capture.setSpec(spec);
    return kube.client().resource(capture).create();
  }

  private List<Event> events(String objectName) {
    return kube.client().v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> objectName.equals(e.getInvolvedObject().getName()))
        .toList();
  }
}
