package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a user sees when the embedded API admits PacketCaptures against the committed CRD: kube's
 * 422 messages for each kind of rule, strict and warned unknown fields, and defaults.
 */
class SchemaAdmissionTest {
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";
  private static final String SIMPLE =
      """
      "accountId":"023e105f4ecef8ad9ca31a8372d0c353","credentialsSecretRef":{"name":"cf"},
      "type":"simple","timeLimit":10,"packetLimit":100""";
  private static final String FULL =
      """
      "accountId":"023e105f4ecef8ad9ca31a8372d0c353","credentialsSecretRef":{"name":"cf"},
      "type":"full","timeLimit":3600,"coloName":"ORD","destinationConf":"gs://pcaps\"""";
  private static final String RULES_NOT_CHECKED =
      "<nil>: Invalid value: \"null\": some validation rules were not checked because the object"
          + " was invalid; correct the existing errors to complete validation";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void aNumberAboveTheSchemaMaximumNamesTheFieldAndTheBound() {
    RawApi.Answer answer = create("long", FULL.replace("3600", "100000"));

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"long\" is invalid: spec.timeLimit: Invalid value:"
                + " 100000: spec.timeLimit in body should be less than or equal to 86400");
    JsonNode details = answer.body().path("details");
    assertThat(answer.body().path("reason").asText()).isEqualTo("Invalid");
    assertThat(details.path("name").asText()).isEqualTo("long");
    assertThat(details.path("group").asText()).isEqualTo("pcap-operator.io");
    assertThat(details.path("kind").asText()).isEqualTo("PacketCapture");
    assertThat(details.at("/causes/0/reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(details.at("/causes/0/field").asText()).isEqualTo("spec.timeLimit");
    assertThat(details.at("/causes/0/message").asText())
        .isEqualTo(
            "Invalid value: 100000: spec.timeLimit in body should be less than or equal to 86400");
  }

  @Test
  void aSimpleCaptureOverFiveMinutesBreaksItsCelRule() {
    RawApi.Answer answer = create("slow", SIMPLE.replace("\"timeLimit\":10", "\"timeLimit\":500"));

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"slow\" is invalid: spec.timeLimit: Invalid value: \"object\":"
                + " timeLimit must be at most 300 seconds for a simple capture");
  }

  @Test
  void anAccountIdOffThePatternQuotesThePattern() {
    RawApi.Answer answer =
        create("acct", SIMPLE.replace("023e105f4ecef8ad9ca31a8372d0c353", "XYZ"));

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"acct\" is invalid: spec.accountId: Invalid value:"
                + " \"XYZ\": spec.accountId in body should match '^[0-9a-f]{32}$'");
  }

  @Test
  void anUnknownTypeListsTheSupportedOnesAndSkipsTheCelRules() {
    RawApi.Answer answer = create("kind", SIMPLE.replace("\"simple\"", "\"partial\""));

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"kind\" is invalid: [spec.type: Unsupported value:"
                + " \"partial\": supported values: \"full\", \"simple\", "
                + RULES_NOT_CHECKED
                + "]");
    assertThat(answer.body().at("/details/causes/0/reason").asText())
        .isEqualTo("FieldValueNotSupported");
  }

  @Test
  void aMissingRequiredFieldIsARequiredValue() {
    RawApi.Answer answer =
        create("req", SIMPLE.replace("\"accountId\":\"023e105f4ecef8ad9ca31a8372d0c353\",", ""));

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"req\" is invalid: [spec.accountId: Required value, "
                + RULES_NOT_CHECKED
                + "]");
    assertThat(answer.body().at("/details/causes/0/reason").asText())
        .isEqualTo("FieldValueRequired");
    assertThat(answer.body().at("/details/causes/0/field").asText()).isEqualTo("spec.accountId");
  }

  @Test
  void aValueOfTheWrongTypeNamesBothTypes() {
    RawApi.Answer answer =
        create("typed", SIMPLE.replace("\"timeLimit\":10", "\"timeLimit\":\"ten\""));

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"typed\" is invalid: [spec.timeLimit: Invalid value:"
                + " \"string\": spec.timeLimit in body must be of type integer: \"string\", "
                + RULES_NOT_CHECKED
                + "]");
  }

  @Test
  void aFullCaptureWithoutColoBreaksItsCelRule() {
    RawApi.Answer answer = create("nocolo", FULL.replace("\"coloName\":\"ORD\",", ""));

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"nocolo\" is invalid: spec: Invalid value: \"object\":"
                + " coloName and destinationConf are required for a full capture");
  }

  @Test
  void theCaptureRequestIsImmutableButItsDeletionPolicyIsNot() {
    assertThat(create("fixed", SIMPLE).code()).isEqualTo(201);

    RawApi.Answer changed = mergePatch("fixed", "{\"spec\":{\"timeLimit\":20}}");
    RawApi.Answer policy = mergePatch("fixed", "{\"spec\":{\"deletionPolicy\":\"Orphan\"}}");

    assertThat(changed.code()).isEqualTo(422);
    assertThat(changed.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"fixed\" is invalid: spec: Invalid value: \"object\":"
                + " the capture request is immutable: only deletionPolicy and credentialsSecretRef"
                + " may change; create a new PacketCapture instead");
    assertThat(policy.code()).isEqualTo(200);
    assertThat(policy.body().at("/spec/deletionPolicy").asText()).isEqualTo("Orphan");
  }

  @Test
  void strictFieldValidationRefusesUnknownFields() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                CAPTURES + "?fieldValidation=Strict",
                "application/json",
                capture("strict", SIMPLE + ",\"foo\":1,\"filter\":{\"bar\":true}"));

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "PacketCapture in version \"v1alpha1\" cannot be handled as a PacketCapture: strict"
                + " decoding error: unknown field \"spec.filter.bar\", unknown field \"spec.foo\"");
  }

  @Test
  void warnFieldValidationPrunesUnknownFieldsWithAWarning() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                CAPTURES + "?fieldValidation=Warn",
                "application/json",
                capture("warned", SIMPLE + ",\"foo\":1"));

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.warnings()).containsExactly("299 - \"unknown field \\\"spec.foo\\\"\"");
    assertThat(answer.body().path("spec").has("foo")).isFalse();
  }

  @Test
  void withoutFieldValidationUnknownFieldsArePrunedSilently() {
    RawApi.Answer answer = create("quiet", SIMPLE + ",\"foo\":1");

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.warnings()).isEmpty();
    assertThat(answer.body().path("spec").has("foo")).isFalse();
  }

  @Test
  void theSchemasDefaultsAreApplied() {
    JsonNode spec = create("defaults", SIMPLE).body().path("spec");

    assertThat(spec.path("system").asText()).isEqualTo("magic-transit");
    assertThat(spec.has("deletionPolicy"))
        .as("the policy's default depends on spec.captureId, so the operator applies it")
        .isFalse();
  }

  @Test
  void statusWritesAreValidatedToo() {
    create("status", SIMPLE);

    RawApi.Answer bad =
        embedded
            .api()
            .send(
                "PUT",
                CAPTURES + "/status/status",
                "application/json",
                capture("status", SIMPLE)
                    .replace("\"spec\"", "\"status\":{\"phase\":\"Bogus\"},\"spec\""));
    RawApi.Answer good =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/status/status",
                "application/merge-patch+json",
                "{\"status\":{\"phase\":\"Queued\",\"packetsCaptured\":3}}");

    assertThat(bad.code()).isEqualTo(422);
    assertThat(bad.body().path("message").asText())
        .startsWith(
            "PacketCapture.pcap-operator.io \"status\" is invalid: [status.phase: Unsupported"
                + " value: \"Bogus\": supported values: \"Converting\", \"Failed\",");
    assertThat(good.code()).isEqualTo(200);
    assertThat(good.body().at("/status/packetsCaptured").asInt()).isEqualTo(3);
  }

  @Test
  void metadataOnlyUpdatesAreAdmitted() {
    create("labels", SIMPLE);

    RawApi.Answer labelled = mergePatch("labels", "{\"metadata\":{\"labels\":{\"team\":\"net\"}}}");

    assertThat(labelled.code()).isEqualTo(200);
    assertThat(labelled.body().at("/metadata/labels/team").asText()).isEqualTo("net");
  }

  @Test
  void builtInKindsPassUnchanged() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                "/api/v1/namespaces/default/configmaps?fieldValidation=Strict",
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm\"},"
                    + "\"data\":{\"k\":\"v\"}}");

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.body().at("/data/k").asText()).isEqualTo("v");
  }

  private RawApi.Answer create(String name, String spec) {
    return embedded.api().send("POST", CAPTURES, "application/json", capture(name, spec));
  }

  private RawApi.Answer mergePatch(String name, String patch) {
    return embedded
        .api()
        .send("PATCH", CAPTURES + "/" + name, "application/merge-patch+json", patch);
  }

  private static String capture(String name, String spec) {
    return "{\"apiVersion\":\"pcap-operator.io/v1alpha1\",\"kind\":\"PacketCapture\","
        + "\"metadata\":{\"name\":\""
        + name
        + "\"},\"spec\":{"
        + spec
        + "}}";
  }
}
