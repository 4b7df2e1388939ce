package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CaptureOutput;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.OutputDeletionPolicy;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.S3Output;
import io.pcapoperator.api.v1alpha1.StorageSecretReference;
import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.simulator.PcapFileWriter;
import io.pcapoperator.storage.StorageException;
import io.pcapoperator.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FinishedCaptureTest {
  private static final String KEY_ID = "AKIDEXAMPLE-KEY-ID";
  private static final String SECRET_KEY = "wJalrXUtnFEMI-SECRET-KEY";
  private static final byte[] FILE =
      PcapFileWriter.write(
          40, PcapFilter.ANY, Captures.NOW.minusSeconds(60), Duration.ofMinutes(1));

  private final ManualClock clock = new ManualClock(Captures.NOW);
  private final FakePcapsApi api = new FakePcapsApi();
  private final FakeObjectStore objects = new FakeObjectStore();
  private final OutputResolver outputs = new OutputResolver(Optional.empty());
  private final FailureBackoff backoff =
      new FailureBackoff(Duration.ofSeconds(5), Duration.ofMinutes(5));
  private final ArtifactKeeper keeper =
      new ArtifactKeeper(api, objects, outputs, backoff, clock, ArtifactMetrics.none());
  private final StoredFileRemover remover =
      new StoredFileRemover(objects, outputs, backoff, 3, clock);
  private final FinishedCapture finished = new FinishedCapture(clock, keeper, remover);

  private static PacketCapture succeeded(Integer ttlSeconds, String finishedAt) {
    PacketCapture capture = Captures.running(CaptureType.SIMPLE);
    capture.getSpec().setTtlSecondsAfterFinished(ttlSeconds);
    capture.getStatus().setPhase(CapturePhase.Succeeded);
    capture.getStatus().setFinishedAt(finishedAt);
    capture.getStatus().setObservedGeneration(1L);
    return capture;
  }

  /** A succeeded capture whose file was read already. */
  private static PacketCapture kept(Integer ttlSeconds, String finishedAt) {
    PacketCapture capture = succeeded(ttlSeconds, finishedAt);
    capture.getStatus().setArtifact(new CaptureArtifact());
    return capture;
  }

  private static PacketCapture withOutput(String retention, OutputDeletionPolicy policy) {
    PacketCapture capture = succeeded(null, Captures.NOW.toString());
    S3Output s3 = new S3Output();
    s3.setBucket("pcaps");
    s3.setPrefix("netops/");
    s3.setEndpoint("http://127.0.0.1:9000");
    s3.setCredentialsSecretRef(new StorageSecretReference("s3-keys"));
    CaptureOutput output = new CaptureOutput();
    output.setS3(s3);
    output.setRetention(retention);
    output.setDeletionPolicy(policy);
    capture.getSpec().setOutput(output);
    return capture;
  }

  private FakeStore storeWithKeys(PacketCapture capture) {
    FakeStore store = new FakeStore(capture);
    store.secrets.put(
        "netops/s3-keys",
        new SecretBuilder()
            .withNewMetadata()
            .withName("s3-keys")
            .endMetadata()
            .withStringData(Map.of("accessKeyId", KEY_ID, "secretAccessKey", SECRET_KEY))
            .build());
    return store;
  }

  /** Applies an amendment's edits as the reconciler would; returns it. */
  private static Outcome.Amend applied(Outcome outcome, FakeStore store, PacketCapture capture) {
    Outcome.Amend amendment = (Outcome.Amend) outcome;
    store.writeStatus(capture, amendment.edits());
    return amendment;
  }

  private static Condition artifactCondition(PacketCapture capture) {
    return capture.getStatus().getConditions().stream()
        .filter(c -> ArtifactKeeper.CONDITION.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aCaptureWithoutTimeToLiveIsLeftAlone() {
    PacketCapture capture = kept(null, Captures.NOW.toString());
    assertThat(finished.decide(capture, new FakeStore(capture))).isEqualTo(Outcome.done());
  }

  @Test
  void aCaptureIsLookedAtAgainWhenItsTimeToLiveEnds() {
    PacketCapture capture = kept(600, Captures.NOW.minusSeconds(100).toString());

    assertThat(finished.decide(capture, new FakeStore(capture)))
        .isEqualTo(Outcome.waitFor(Duration.ofSeconds(500)));
  }

  @Test
  void aCaptureWhoseTimeToLiveHasPassedIsDeletedWithAnEvent() {
    PacketCapture capture = kept(600, Captures.NOW.minusSeconds(100).toString());
    clock.advance(Duration.ofSeconds(500));

    Outcome outcome = finished.decide(capture, new FakeStore(capture));

    assertThat(outcome).isInstanceOf(Outcome.Expired.class);
    Outcome.Note note = ((Outcome.Expired) outcome).note();
    assertThat(note.reason()).isEqualTo(FinishedCapture.EXPIRED);
    assertThat(note.message()).contains("600s", "spec.ttlSecondsAfterFinished");
  }

  @Test
  void aCaptureThatFinishedBeforeFinishedAtWasRecordedCountsItsTimeToLiveFromNow() {
    PacketCapture capture = kept(60, null);
    FakeStore store = new FakeStore(capture);

    Outcome.Amend amendment = applied(finished.decide(capture, store), store, capture);

    assertThat(capture.getStatus().getFinishedAt()).isEqualTo(Captures.NOW.toString());
    assertThat(amendment.requeue()).contains(Duration.ofSeconds(60));
  }

  @Test
  void aChangedSpecIsAcknowledgedInOneWriteWithoutAnEvent() {
    PacketCapture capture = kept(null, Captures.NOW.toString());
    capture.getMetadata().setGeneration(2L);
    FakeStore store = new FakeStore(capture);

    Outcome.Amend amendment = applied(finished.decide(capture, store), store, capture);

    assertThat(capture.getStatus().getObservedGeneration()).isEqualTo(2L);
    assertThat(amendment.note()).isEqualTo(Optional.empty());
    assertThat(amendment.requeue()).isEmpty();
  }

  @Test
  void aSucceededCaptureWithoutOutputIsSummarisedFromOneDownload() {
    PacketCapture capture = succeeded(null, Captures.NOW.toString());
    FakeStore store = new FakeStore(capture);
    api.downloads.add(() -> FILE);

    applied(finished.decide(capture, store), store, capture);

    CaptureArtifact artifact = capture.getStatus().getArtifact();
    assertThat(artifact.getSha256()).isEqualTo(FakeObjectStore.sha256(FILE));
    assertThat(artifact.getBytes()).isEqualTo(FILE.length);
    assertThat(artifact.getPackets()).isEqualTo(40);
    assertThat(artifact.getUri()).isNull();
    assertThat(capture.getStatus().getSummary().getPackets()).isEqualTo(40);
    assertThat(api.calls).containsExactly("download " + Captures.ID);
    assertThat(finished.decide(capture, store)).isEqualTo(Outcome.done());
  }

  @Test
  void aFailedDownloadAndAFailedUploadAreRetriedAndTheFileIsRecordedOnlyOnceStored() {
    PacketCapture capture = withOutput(null, null);
    FakeStore store = storeWithKeys(capture);
    api.downloads.add(
        () -> {
          throw Captures.retryable(503, Duration.ZERO);
        });
    api.downloads.add(() -> FILE);
    api.downloads.add(() -> FILE);
    objects.failures.add(
        new StorageException("put pcaps/x: SlowDown (503)", true, "SlowDown", null));

    Outcome.Amend first = applied(finished.decide(capture, store), store, capture);
    assertThat(artifactCondition(capture).getReason()).isEqualTo("DownloadFailed");
    assertThat(first.requeue()).isPresent();
    assertThat(first.note())
        .hasValueSatisfying(n -> assertThat(n.severity()).isEqualTo(Outcome.Severity.WARNING));
    Outcome.Amend second = applied(finished.decide(capture, store), store, capture);
    assertThat(artifactCondition(capture).getReason()).isEqualTo("UploadFailed");
    assertThat(capture.getStatus().getArtifact()).isNull();
    assertThat(second.requeue()).isPresent();
    applied(finished.decide(capture, store), store, capture);

    String uri = "s3://pcaps/netops/netops/web/" + Captures.ID + ".pcap";
    assertThat(objects.objects).containsOnlyKeys(uri);
    assertThat(capture.getStatus().getArtifact().getUri()).isEqualTo(uri);
    assertThat(capture.getStatus().getArtifact().getStoredAt()).isEqualTo(Captures.NOW.toString());
    assertThat(artifactCondition(capture).getStatus()).isEqualTo("True");
    assertThat(capture.getStatus().getPhase()).isEqualTo(CapturePhase.Succeeded);
    assertThat(store.written.toString()).doesNotContain(KEY_ID, SECRET_KEY);
  }

  @Test
  void missingKeysAreAConditionNamingTheSecretNotAnUpload() {
    PacketCapture capture = withOutput(null, null);
    FakeStore store = new FakeStore(capture);

    applied(finished.decide(capture, store), store, capture);

    assertThat(artifactCondition(capture).getReason()).isEqualTo("OutputUnusable");
    assertThat(artifactCondition(capture).getMessage()).contains("Secret s3-keys not found");
    assertThat(api.calls).isEmpty();
  }

  @Test
  void theStoredFileIsDeletedAtTheEndOfItsRetention() {
    PacketCapture capture = withOutput("1h", null);
    FakeStore store = storeWithKeys(capture);
    api.downloads.add(() -> FILE);
    applied(finished.decide(capture, store), store, capture);
    assertThat(capture.getStatus().getArtifact().getExpiresAt())
        .isEqualTo(Captures.NOW.plusSeconds(3600).toString());
    assertThat(finished.decide(capture, store)).isEqualTo(Outcome.waitFor(Duration.ofHours(1)));

    clock.advance(Duration.ofHours(1));
    Outcome.Amend expired = applied(finished.decide(capture, store), store, capture);

    assertThat(objects.objects).isEmpty();
    assertThat(capture.getStatus().getArtifact().getDeletedAt())
        .isEqualTo(Captures.NOW.plusSeconds(3600).toString());
    assertThat(artifactCondition(capture).getReason()).isEqualTo("Expired");
    assertThat(expired.note())
        .hasValueSatisfying(n -> assertThat(n.reason()).isEqualTo("ArtifactExpired"));
    assertThat(finished.decide(capture, store)).isEqualTo(Outcome.done());
  }

  @Test
  void deletingACaptureWithPolicyDeleteDeletesItsFileFirstAndNeverHoldsForEver() {
    PacketCapture capture = withOutput(null, OutputDeletionPolicy.Delete);
    FakeStore store = storeWithKeys(capture);
    api.downloads.add(() -> FILE);
    applied(finished.decide(capture, store), store, capture);
    assertThat(capture.hasFinalizer(CaptureFinalizer.NAME)).isTrue();

    assertThat(remover.onDeletion(capture, store))
        .hasValueSatisfying(o -> assertThat(o).isInstanceOf(Outcome.Released.class));
    assertThat(objects.objects).isEmpty();

    objects.objects.put(capture.getStatus().getArtifact().getUri(), FILE);
    for (int i = 0; i < 3; i++) {
      objects.failures.add(
          new StorageException("delete: InternalError (500)", true, "InternalError", null));
    }
    List<Outcome> tries =
        List.of(
            remover.onDeletion(capture, store).orElseThrow(),
            remover.onDeletion(capture, store).orElseThrow(),
            remover.onDeletion(capture, store).orElseThrow());
    assertThat(tries.get(0)).isInstanceOf(Outcome.Wait.class);
    assertThat(tries.get(2)).isInstanceOf(Outcome.Released.class);
    assertThat(((Outcome.Released) tries.get(2)).note())
        .hasValueSatisfying(n -> assertThat(n.severity()).isEqualTo(Outcome.Severity.WARNING));
  }

  @Test
  void aSucceededFullCaptureSaysWhereItsFilesAre() {
    PacketCapture capture = Captures.running(CaptureType.FULL);
    capture.getStatus().setPhase(CapturePhase.Succeeded);
    capture.getStatus().setObservedGeneration(1L);
    FakeStore store = new FakeStore(capture);

    applied(finished.decide(capture, store), store, capture);

    assertThat(capture.getStatus().getArtifact().getLocation()).isEqualTo("gs://pcaps");
    assertThat(capture.getStatus().getArtifact().getFiles())
        .containsExactly("pcap_" + Captures.ID + ".pcap");
    assertThat(api.calls).isEmpty();
    assertThat(finished.decide(capture, store)).isEqualTo(Outcome.done());
  }
}
