package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Objects kube-apiserver refuses whatever their kind: bad labels, a body of another kind. */
class ObjectRefusalsTest {
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";
  private static final String VALUE_RULE =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or"
          + " 'my_value',  or '12345', regex used for validation is"
          + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void aNonAsciiLabelValueIsInvalid() {
    RawApi.Answer answer = createLabelled("{\"team\":\"réseau\"}");

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"labelled\" is invalid: metadata.labels: Invalid value: \"réseau\": "
                + VALUE_RULE);
    JsonNode cause = answer.body().at("/details/causes/0");
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueInvalid");
    assertThat(cause.path("field").asText()).isEqualTo("metadata.labels");
  }

  @Test
  void aLabelValueOver63CharactersIsInvalid() {
    String value = "v".repeat(64);
    RawApi.Answer answer = createLabelled("{\"team\":\"" + value + "\"}");

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"labelled\" is invalid: metadata.labels: Invalid value: \""
                + value
                + "\": must be no more than 63 characters");
  }

  @Test
  void labelKeysFollowTheQualifiedNameRules() {
    RawApi.Answer badName = createLabelled("{\"-team\":\"a\"}");
    RawApi.Answer badPrefix = createLabelled("{\"Example.com/team\":\"a\"}");
    RawApi.Answer twoSlashes = createLabelled("{\"a/b/c\":\"a\"}");

    assertThat(badName.code()).isEqualTo(422);
    assertThat(badName.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"labelled\" is invalid: metadata.labels: Invalid value: \"-team\": name"
                + " part must consist of alphanumeric characters, '-', '_' or '.', and must start"
                + " and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
                + " '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    assertThat(badPrefix.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"labelled\" is invalid: metadata.labels: Invalid value:"
                + " \"Example.com/team\": prefix part a lowercase RFC 1123 subdomain must consist"
                + " of lower case alphanumeric characters, '-' or '.', and must start and end with"
                + " an alphanumeric character (e.g. 'example.com', regex used for validation is"
                + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
    assertThat(twoSlashes.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"labelled\" is invalid: metadata.labels: Invalid value: \"a/b/c\": a"
                + " qualified name must consist of alphanumeric characters, '-', '_' or '.', and"
                + " must start and end with an alphanumeric character (e.g. 'MyName',  or"
                + " 'my.name',  or '123-abc', regex used for validation is"
                + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain"
                + " prefix and '/' (e.g. 'example.com/MyName')");
  }

  @Test
  void aBadLabelIsRefusedOnUpdateToo() {
    assertThat(createLabelled("{\"team\":\"net\"}").code()).isEqualTo(201);

    RawApi.Answer patched =
        embedded
            .api()
            .send(
                "PATCH",
                CONFIGMAPS + "/labelled",
                "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"team\":\"ré\"}}}");

    assertThat(patched.code()).isEqualTo(422);
    assertThat(
            embedded
                .api()
                .get(CONFIGMAPS + "/labelled")
                .body()
                .at("/metadata/labels/team")
                .asText())
        .isEqualTo("net");
  }

  @Test
  void aBodyOfAnotherApiVersionIsABadRequest() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                CAPTURES,
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"cf\"},"
                    + "\"stringData\":{\"apiToken\":\"t\"}}");

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.body().path("reason").asText()).isEqualTo("BadRequest");
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "the API version in the data (v1) does not match the expected API version"
                + " (pcap-operator.io/v1alpha1)");
    assertThat(embedded.api().get(CAPTURES + "/cf").code()).isEqualTo(404);
  }

  @Test
  void aBodyOfAnotherKindIsRefused() {
    RawApi.Answer custom =
        embedded
            .api()
            .send(
                "POST",
                CAPTURES,
                "application/json",
                "{\"apiVersion\":\"pcap-operator.io/v1alpha1\",\"kind\":\"PcapBucket\","
                    + "\"metadata\":{\"name\":\"b\"}}");
    RawApi.Answer builtIn =
        embedded
            .api()
            .send(
                "POST",
                CONFIGMAPS,
                "application/json",
                "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"s\"}}");

    assertThat(custom.code()).isEqualTo(422);
    assertThat(custom.body().path("message").asText())
        .isEqualTo(
            "PacketCapture.pcap-operator.io \"b\" is invalid: kind: Invalid value: \"PcapBucket\":"
                + " must be PacketCapture");
    assertThat(custom.body().at("/details/causes/0/field").asText()).isEqualTo("kind");
    assertThat(builtIn.code()).isEqualTo(400);
    assertThat(builtIn.body().path("message").asText())
        .startsWith("Secret in version \"v1\" cannot be handled as a ConfigMap");
  }

  private RawApi.Answer createLabelled(String labels) {
    return embedded
        .api()
        .send(
            "POST",
            CONFIGMAPS,
            "application/json",
            "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"labelled\","
                + "\"labels\":"
                + labels
                + "}}");
  }
}
