package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.pcapoperator.api.v1alpha1.BucketChallenge;
import io.pcapoperator.api.v1alpha1.BucketDeletionPolicy;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.BucketValidation;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.testing.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PcapBuckets end to end: the real operator, the embedded Kubernetes API and the simulator, whose
 * bucket files stand in for the user copying the challenge out of the bucket.
 */
@ExtendWith(RunningOperator.class)
class PcapBucketLifecycleTest {
  private static final String BUCKET = "s3://pcaps/full?region=us-east-1";
  private static final String FINALIZER = "pcapbuckets.pcap-operator.io/finalizer";
  private static final Credentials TOKEN = new Credentials.ApiToken(SimulatorConfig.DEV_TOKEN);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static PcapBucket bucket(String name, Consumer<PcapBucketSpec> change) {
    PcapBucketSpec spec = new PcapBucketSpec();
    spec.setAccountId(OperatorHarness.ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference(OperatorHarness.SECRET));
    spec.setDestinationConf(BUCKET);
    change.accept(spec);
    PcapBucket bucket = new PcapBucket();
    bucket.getMetadata().setName(name);
    bucket.getMetadata().setNamespace(OperatorHarness.NAMESPACE);
    bucket.setSpec(spec);
    return bucket;
  }

  private static BucketChallenge value(String contents) {
    BucketChallenge challenge = new BucketChallenge();
    challenge.setValue(contents);
    return challenge;
  }

  private static PcapBucket get(OperatorHarness harness, String name) {
    return harness
        .client()
        .resources(PcapBucket.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .withName(name)
        .get();
  }

  private static PcapBucket awaitBucket(
      OperatorHarness harness, String name, Predicate<PcapBucket> condition) {
    return await()
        .atMost(TIMEOUT)
        .pollInterval(Duration.ofMillis(50))
        .until(() -> get(harness, name), b -> b != null && condition.test(b));
  }

  private static PcapBucket awaitPhase(OperatorHarness harness, String name, BucketPhase phase) {
    return awaitBucket(harness, name, b -> b.phase() == phase);
  }

  private static void editSpec(
      OperatorHarness harness, String name, Consumer<PcapBucketSpec> change) {
    harness
        .client()
        .resources(PcapBucket.class)
        .inNamespace(OperatorHarness.NAMESPACE)
        .withName(name)
        .edit(
            b -> {
              change.accept(b.getSpec());
              return b;
            });
  }

  private static String reason(PcapBucket bucket) {
    return bucket.getStatus().getConditions().stream()
        .filter(c -> "Ready".equals(c.getType()))
        .map(c -> c.getReason())
        .findFirst()
        .orElse(null);
  }

  /** The contents of the challenge file the simulator wrote into the bucket. */
  private static String challengeIn(OperatorHarness harness, String filename)
      throws IOException, InterruptedException {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:"
                                + harness.simulator.port()
                                + "/__admin/bucket-files"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    for (JsonNode file : new ObjectMapper().readTree(answer.body()).get("files")) {
      if (file.get("name").asText().equals(filename)) {
        return file.get("contents").asText();
      }
    }
    throw new AssertionError("no file " + filename + " in the simulated bucket");
  }

  private static PcapsApi cloudflare(OperatorHarness harness) {
    return HttpPcapsApi.withDefaults(harness.simulator.baseUrl());
  }

  private static List<Ownership> records(OperatorHarness harness) {
    return cloudflare(harness).listOwnerships(TOKEN, OperatorHarness.ACCOUNT);
  }

  private static long creates(OperatorHarness harness) {
    return harness.simulator.stats().snapshot().count("ownership_create");
  }

  @Test
  void aBucketWaitsForItsChallengeThenValidatesWithTheFilesContents(OperatorHarness harness)
      throws Exception {
    harness.client().resource(bucket("pcaps", s -> {})).create();

    PcapBucket waiting = awaitPhase(harness, "pcaps", BucketPhase.AwaitingChallenge);
    String filename = waiting.getStatus().getFilename();
    assertThat(filename)
        .isEqualTo("ownership-challenge-" + waiting.getStatus().getOwnershipId() + ".txt");
    assertThat(waiting.getStatus().getAdopted()).isFalse();
    assertThat(waiting.getStatus().getMessage()).contains(filename, "spec.challenge.value");
    assertThat(reason(waiting)).isEqualTo("AwaitingChallenge");
    assertThat(waiting.getFinalizers()).containsExactly(FINALIZER);

    String contents = challengeIn(harness, filename);
    editSpec(harness, "pcaps", s -> s.setChallenge(value(contents)));

    PcapBucket validated = awaitPhase(harness, "pcaps", BucketPhase.Validated);
    assertThat(validated.getStatus().getValidatedAt()).isNotBlank();
    assertThat(validated.getStatus().getConditions())
        .extracting(c -> c.getType() + "=" + c.getStatus())
        .containsExactly("Ready=True", "Reconciling=False", "Stalled=False");
    assertThat(validated.getStatus().getObservedGeneration())
        .isEqualTo(validated.getMetadata().getGeneration());
    assertThat(records(harness))
        .singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo("success"));
    assertThat(creates(harness)).isEqualTo(1);
    assertThat(harness.registry.scrape())
        .contains("pcap_operator_buckets{phase=\"Validated\"} 1.0");
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(harness.events("pcaps"))
                    .extracting(Event::getReason)
                    .contains("Created", "AwaitingChallenge", "ChallengeSent", "Validated"));
  }

  @Test
  void theWrongChallengeWaitsWithAWarningUntilTheValueIsFixed(OperatorHarness harness)
      throws Exception {
    harness.client().resource(bucket("wrong", s -> s.setChallenge(value("not-it")))).create();

    PcapBucket refused =
        awaitBucket(
            harness, "wrong", b -> b.getStatus() != null && "WrongChallenge".equals(reason(b)));
    assertThat(refused.phase()).isEqualTo(BucketPhase.AwaitingChallenge);
    assertThat(refused.getStatus().getMessage()).contains(refused.getStatus().getFilename());
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(harness.events("wrong"))
                    .filteredOn(e -> "WrongChallenge".equals(e.getReason()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.getType()).isEqualTo("Warning")));
    long validations = harness.simulator.stats().snapshot().count("ownership_validate");

    String contents = challengeIn(harness, refused.getStatus().getFilename());
    editSpec(harness, "wrong", s -> s.setChallenge(value(contents)));

    awaitPhase(harness, "wrong", BucketPhase.Validated);
    assertThat(harness.simulator.stats().snapshot().count("ownership_validate"))
        .as("the refused value was sent once, the right one once")
        .isEqualTo(validations + 1);
  }

  @Test
  void aFailedValidationIsSentAgainAndThenSucceeds(OperatorHarness harness) throws Exception {
    harness.client().resource(bucket("flaky", s -> {})).create();
    String filename =
        awaitPhase(harness, "flaky", BucketPhase.AwaitingChallenge).getStatus().getFilename();
    harness.simulator.faults().failNextOwnershipValidations(1);

    String contents = challengeIn(harness, filename);
    editSpec(harness, "flaky", s -> s.setChallenge(value(contents)));

    PcapBucket failed = awaitPhase(harness, "flaky", BucketPhase.Failed);
    assertThat(reason(failed)).isEqualTo("ValidationFailed");
    assertThat(failed.getStatus().getMessage()).contains("sent again at");
    awaitPhase(harness, "flaky", BucketPhase.Validated);
    assertThat(harness.events("flaky"))
        .extracting(Event::getReason)
        .contains("ValidationFailed", "Validated");
  }

  @Test
  void deletingABucketDeletesTheRecordItCreatedAndOrphanKeepsIt(OperatorHarness harness) {
    harness.client().resource(bucket("deleted", s -> {})).create();
    String deleted =
        awaitPhase(harness, "deleted", BucketPhase.AwaitingChallenge).getStatus().getOwnershipId();

    harness.client().resource(get(harness, "deleted")).delete();

    await().atMost(TIMEOUT).until(() -> get(harness, "deleted") == null);
    assertThat(records(harness)).extracting(Ownership::id).doesNotContain(deleted);

    harness
        .client()
        .resource(bucket("kept", s -> s.setDeletionPolicy(BucketDeletionPolicy.Orphan)))
        .create();
    String kept =
        awaitPhase(harness, "kept", BucketPhase.AwaitingChallenge).getStatus().getOwnershipId();

    harness.client().resource(get(harness, "kept")).delete();

    await().atMost(TIMEOUT).until(() -> get(harness, "kept") == null);
    assertThat(records(harness)).extracting(Ownership::id).containsExactly(kept);
  }

  @Test
  void aRecordValidatedOutsideKubernetesIsAdoptedWithNoCreateAndKeptOnDeletion(
      OperatorHarness harness) throws Exception {
    PcapsApi api = cloudflare(harness);
    Ownership existing = api.createOwnership(TOKEN, OperatorHarness.ACCOUNT, BUCKET);
    api.validateOwnership(
        TOKEN, OperatorHarness.ACCOUNT, BUCKET, challengeIn(harness, existing.filename()));
    await().atMost(TIMEOUT).until(() -> "success".equals(records(harness).get(0).status()));
    long createsBefore = creates(harness);

    harness.client().resource(bucket("adopted", s -> {})).create();

    PcapBucket adopted = awaitPhase(harness, "adopted", BucketPhase.Validated);
    assertThat(adopted.getStatus().getOwnershipId()).isEqualTo(existing.id());
    assertThat(adopted.getStatus().getAdopted()).isTrue();
    assertThat(creates(harness)).isEqualTo(createsBefore);

    harness.client().resource(adopted).delete();

    await().atMost(TIMEOUT).until(() -> get(harness, "adopted") == null);
    assertThat(records(harness)).extracting(Ownership::id).containsExactly(existing.id());
  }

  @Test
  void aBucketWaitsForItsSecretThenGoesOn(OperatorHarness harness) {
    harness
        .client()
        .resource(bucket("later", s -> s.setCredentialsSecretRef(new SecretReference("later"))))
        .create();

    PcapBucket waiting =
        awaitBucket(
            harness,
            "later",
            b -> b.getStatus() != null && "CredentialsNotFound".equals(reason(b)));
    assertThat(waiting.phase()).isEqualTo(BucketPhase.Pending);
    assertThat(waiting.getStatus().getMessage())
        .isEqualTo("Secret later not found in this namespace");
    assertThat(creates(harness)).isZero();

    Secrets.createToken(
        harness.client(), OperatorHarness.NAMESPACE, "later", SimulatorConfig.DEV_TOKEN);

    awaitPhase(harness, "later", BucketPhase.AwaitingChallenge);
  }

  private static PacketCapture fullTo(String name, String bucket) {
    PacketCapture capture = OperatorHarness.full(name, 60);
    capture.getSpec().setDestinationConf(bucket);
    return capture;
  }

  private static void checkBuckets(OperatorHarness harness, BucketValidation validation) {
    harness.stopOperator();
    harness.bucketValidation = validation;
    harness.startOperator();
  }

  @Test
  void aFullCaptureWaitsForItsBucketAndStartsOnceItIsValidated(OperatorHarness harness)
      throws Exception {
    checkBuckets(harness, BucketValidation.PcapBucket);
    harness.apply(fullTo("to-pcaps", BUCKET));

    PacketCapture waiting =
        harness.await(
            "to-pcaps",
            c ->
                c.getStatus() != null
                    && "BucketNotValidated".equals(OperatorHarness.readyReason(c)),
            TIMEOUT);
    assertThat(waiting.getStatus().getPhase()).isEqualTo(CapturePhase.Queued);
    assertThat(waiting.getStatus().getConditions())
        .filteredOn(c -> "Ready".equals(c.getType()))
        .singleElement()
        .satisfies(c -> assertThat(c.getMessage()).contains(BUCKET, "create a PcapBucket"));
    assertThat(harness.simulator.stats().snapshot().count("create")).isZero();

    harness.client().resource(bucket("pcaps", s -> {})).create();
    String filename =
        awaitPhase(harness, "pcaps", BucketPhase.AwaitingChallenge).getStatus().getFilename();
    String contents = challengeIn(harness, filename);
    editSpec(harness, "pcaps", s -> s.setChallenge(value(contents)));
    awaitPhase(harness, "pcaps", BucketPhase.Validated);

    PacketCapture done =
        harness.await(
            "to-pcaps",
            c -> c.phase() == CapturePhase.Succeeded && c.getStatus().getArtifact() != null,
            TIMEOUT);
    assertThat(done.getStatus().getArtifact().getLocation()).isEqualTo(BUCKET);
    assertThat(harness.simulator.stats().snapshot().count("create")).isEqualTo(1);
  }

  @Test
  void withTheCloudflareOptOutABucketValidatedOutsideKubernetesNeedsNoPcapBucket(
      OperatorHarness harness) throws Exception {
    checkBuckets(harness, BucketValidation.Cloudflare);
    Ownership record = cloudflare(harness).createOwnership(TOKEN, OperatorHarness.ACCOUNT, BUCKET);
    cloudflare(harness)
        .validateOwnership(
            TOKEN, OperatorHarness.ACCOUNT, BUCKET, challengeIn(harness, record.filename()));
    harness.apply(fullTo("outside", BUCKET));
    harness.apply(fullTo("unvalidated", "s3://elsewhere/full?region=us-east-1"));

    PacketCapture done =
        harness.await("outside", c -> c.phase() == CapturePhase.Succeeded, TIMEOUT);
    assertThat(done.getStatus().getId()).isNotNull();
    PacketCapture held =
        harness.await(
            "unvalidated",
            c ->
                c.getStatus() != null
                    && "BucketNotValidated".equals(OperatorHarness.readyReason(c)),
            TIMEOUT);
    assertThat(held.getStatus().getPhase()).isEqualTo(CapturePhase.Queued);
    assertThat(held.getStatus().getId()).isNull();
    assertThat(harness.client().resources(PcapBucket.class).inAnyNamespace().list().getItems())
        .isEmpty();
  }
}
