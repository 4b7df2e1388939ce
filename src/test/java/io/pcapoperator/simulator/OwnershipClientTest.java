package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Ownership;
import io.pcapoperator.cloudflare.TerminalApiException;
import io.pcapoperator.testing.ManualClock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator's client speaks bucket ownership as the simulator, and Cloudflare, answer it. */
class OwnershipClientTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final Credentials TOKEN = new Credentials.ApiToken(SimulatorConfig.DEV_TOKEN);
  private static final String BUCKET = "s3://pcaps?region=us-east-1";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T08:00:00Z"));
  private PcapSimulator simulator;
  private HttpPcapsApi api;

  @BeforeEach
  void start() {
    simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0);
    api = HttpPcapsApi.withDefaults(simulator.baseUrl());
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private String challengeIn(String filename) {
    for (JsonNode file :
        RawClient.json(new RawClient(simulator).send("GET", "/__admin/bucket-files", null))
            .get("files")) {
      if (file.get("name").asText().equals(filename)) {
        return file.get("contents").asText();
      }
    }
    throw new AssertionError("no file " + filename + " in the simulated bucket");
  }

  @Test
  void anOwnershipIsCreatedListedValidatedWithTheFilesContentsAndDeleted() {
    Ownership created = api.createOwnership(TOKEN, ACCOUNT, BUCKET);
    assertThat(created.status()).isEqualTo("pending");
    assertThat(created.destinationConf()).isEqualTo(BUCKET);
    assertThat(api.listOwnerships(TOKEN, ACCOUNT)).extracting(Ownership::id).contains(created.id());

    TerminalApiException wrong =
        catchThrowableOfType(
            TerminalApiException.class,
            () -> api.validateOwnership(TOKEN, ACCOUNT, BUCKET, "not-the-contents"));
    assertThat(wrong.httpStatus()).isEqualTo(400);

    api.validateOwnership(TOKEN, ACCOUNT, BUCKET, challengeIn(created.filename()));
    clock.advance(SimulatorConfig.defaults().ownershipValidationDelay().plusSeconds(1));
    assertThat(api.listOwnerships(TOKEN, ACCOUNT))
        .filteredOn(o -> o.id().equals(created.id()))
        .singleElement()
        .satisfies(o -> assertThat(o.status()).isEqualTo("success"));

    api.deleteOwnership(TOKEN, ACCOUNT, created.id());
    assertThat(api.listOwnerships(TOKEN, ACCOUNT)).isEmpty();
    TerminalApiException gone =
        catchThrowableOfType(
            TerminalApiException.class, () -> api.deleteOwnership(TOKEN, ACCOUNT, created.id()));
    assertThat(gone.httpStatus()).isEqualTo(404);
  }

  @Test
  void theChallengeFileIsNamedAfterTheWholeRecordId() {
    Ownership created = api.createOwnership(TOKEN, ACCOUNT, BUCKET);

    assertThat(created.id()).matches("[0-9a-f]{32}");
    assertThat(created.filename()).isEqualTo("ownership-challenge-" + created.id() + ".txt");
  }

  @Test
  void aFailedValidationEndsFailedAndTheRightChallengeSentAgainValidates() {
    Ownership created = api.createOwnership(TOKEN, ACCOUNT, BUCKET);
    simulator.faults().failNextOwnershipValidations(1);
    String challenge = challengeIn(created.filename());
    var delay = SimulatorConfig.defaults().ownershipValidationDelay().plusSeconds(1);

    api.validateOwnership(TOKEN, ACCOUNT, BUCKET, challenge);
    clock.advance(delay);
    assertThat(api.listOwnerships(TOKEN, ACCOUNT))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.status()).isEqualTo("failed");
              assertThat(o.validated()).isNull();
            });

    api.validateOwnership(TOKEN, ACCOUNT, BUCKET, challenge);
    assertThat(api.listOwnerships(TOKEN, ACCOUNT).get(0).status()).isEqualTo("pending");
    clock.advance(delay);
    assertThat(api.listOwnerships(TOKEN, ACCOUNT).get(0).status()).isEqualTo("success");
  }

  @Test
  void aDestinationThatIsNoBucketUriIsRefused() {
    TerminalApiException refused =
        catchThrowableOfType(
            TerminalApiException.class,
            () -> api.createOwnership(TOKEN, ACCOUNT, "https://example.com/pcaps"));

    assertThat(refused.httpStatus()).isEqualTo(400);
    assertThat(api.listOwnerships(TOKEN, ACCOUNT)).isEmpty();
  }

  @Test
  void anAccountWithoutOwnershipsListsNone() {
    assertThat(api.listOwnerships(TOKEN, ACCOUNT)).isEmpty();
  }
}
