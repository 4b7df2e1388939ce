package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Selectors and continue tokens that kube-apiserver refuses, and those it reads. */
class ListQueryRefusalsTest {
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void anUnparsableLabelSelectorIsABadRequest() {
    RawApi.Answer list = embedded.api().get(CAPTURES + "?labelSelector=" + encode("team in (((("));
    RawApi.Answer watch =
        embedded
            .api()
            .get(CAPTURES + "?watch=true&timeoutSeconds=1&labelSelector=" + encode("team in (((("));

    for (RawApi.Answer answer : List.of(list, watch)) {
      assertThat(answer.code()).isEqualTo(400);
      assertThat(answer.body().path("kind").asText()).isEqualTo("Status");
      assertThat(answer.body().path("reason").asText()).isEqualTo("BadRequest");
      assertThat(answer.body().path("message").asText())
          .isEqualTo("unable to parse requirement: found '(', expected: ',', ')' or identifier");
    }
  }

  @Test
  void labelSelectorsCheckKeysAndValues() {
    assertThat(message(CONFIGMAPS + "?labelSelector=" + encode("team=ré")))
        .startsWith("unable to parse requirement: values[0][team]: Invalid value: \"ré\": ");
    assertThat(message(CONFIGMAPS + "?labelSelector=" + encode("a,")))
        .isEqualTo("found '', expected: identifier after ','");
    assertThat(message(CONFIGMAPS + "?labelSelector=" + encode("a b")))
        .isEqualTo(
            "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt");
    assertThat(message(CONFIGMAPS + "?labelSelector=" + encode("!a=b")))
        .isEqualTo("found '=', expected: ',' or 'end of string'");
    assertThat(message(CONFIGMAPS + "?labelSelector=" + encode("rank>x")))
        .isEqualTo(
            "unable to parse requirement: values[0]: Invalid value: \"x\": for 'Gt', 'Lt'"
                + " operators, the value must be an integer");
  }

  @Test
  void labelSelectorsOfEveryOperatorStillMatch() {
    createConfigMap("one", "{\"tier\":\"web\",\"rank\":\"3\"}");
    createConfigMap("two", "{\"tier\":\"db\",\"rank\":\"7\"}");
    createConfigMap("three", "{}");

    assertThat(names("tier in (web, db),rank>4")).containsExactly("two");
    assertThat(names("tier notin (web)")).containsExactly("three", "two");
    assertThat(names("!tier")).containsExactly("three");
    assertThat(names("tier,rank<5")).containsExactly("one");
    assertThat(names("tier==db")).containsExactly("two");
    assertThat(names("tier!=db")).containsExactly("one", "three");
  }

  @Test
  void aFieldSelectorThatDoesNotParseIsABadRequest() {
    RawApi.Answer answer =
        embedded.api().get(CAPTURES + "?fieldSelector=" + encode("spec.bogus===1"));

    assertThat(answer.code()).isEqualTo(400);
    assertThat(answer.body().path("message").asText())
        .isEqualTo("invalid field selector: unescaped character in value: =");
    assertThat(message(CAPTURES + "?fieldSelector=" + encode("metadata.name")))
        .isEqualTo("invalid selector: 'metadata.name'; can't understand 'metadata.name'");
  }

  @Test
  void customResourcesSelectOnlyByNameAndNamespace() {
    RawApi.Answer bogus = embedded.api().get(CAPTURES + "?fieldSelector=" + encode("spec.bogus=1"));
    RawApi.Answer watch =
        embedded
            .api()
            .get(
                CAPTURES
                    + "?watch=true&timeoutSeconds=1&fieldSelector="
                    + encode("spec.type=simple"));
    RawApi.Answer byName =
        embedded
            .api()
            .get(CAPTURES + "?fieldSelector=" + encode("metadata.name=x,metadata.namespace!=y"));

    assertThat(bogus.code()).isEqualTo(400);
    assertThat(bogus.body().path("message").asText())
        .isEqualTo("field label not supported: spec.bogus");
    assertThat(watch.code()).isEqualTo(400);
    assertThat(byName.code()).isEqualTo(200);
  }

  @Test
  void builtInKindsSelectOnlyByTheFieldsKubeKnowsForThem() {
    assertThat(message(CONFIGMAPS + "?fieldSelector=" + encode("data.k=v")))
        .isEqualTo(
            "\"data.k\" is not a known field selector: only \"metadata.name\","
                + " \"metadata.namespace\"");
    assertThat(message("/api/v1/namespaces/default/events?fieldSelector=" + encode("bogus=1")))
        .isEqualTo("field label not supported: bogus");
    assertThat(
            embedded
                .api()
                .get(
                    "/api/v1/namespaces/default/events?fieldSelector="
                        + encode("involvedObject.name=x,type=Warning"))
                .code())
        .isEqualTo(200);
    assertThat(embedded.api().get("/api/v1/secrets?fieldSelector=" + encode("type=Opaque")).code())
        .isEqualTo(200);
  }

  @Test
  void aContinueTokenThisServerDidNotIssueIsRefused() {
    createConfigMap("one", "{}");

    RawApi.Answer garbage = embedded.api().get(CONFIGMAPS + "?limit=1&continue=garbage");
    RawApi.Answer notBase64 = embedded.api().get(CONFIGMAPS + "?limit=1&continue=%25%25");

    for (RawApi.Answer answer : List.of(garbage, notBase64)) {
      assertThat(answer.code()).isEqualTo(400);
      assertThat(answer.body().path("reason").asText()).isEqualTo("BadRequest");
      assertThat(answer.body().path("message").asText())
          .startsWith("invalid continue token: continue key is not valid: ");
    }
  }

  private void createConfigMap(String name, String labels) {
    RawApi.Answer created =
        embedded
            .api()
            .send(
                "POST",
                CONFIGMAPS,
                "application/json",
                "{\"metadata\":{\"name\":\"" + name + "\",\"labels\":" + labels + "}}");
    assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
  }

  private List<String> names(String selector) {
    RawApi.Answer answer = embedded.api().get(CONFIGMAPS + "?labelSelector=" + encode(selector));
    assertThat(answer.code()).as(answer.body().toString()).isEqualTo(200);
    List<String> names = new ArrayList<>();
    answer.body().path("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  private String message(String path) {
    RawApi.Answer answer = embedded.api().get(path);
    assertThat(answer.code()).as(answer.body().toString()).isEqualTo(400);
    return answer.body().path("message").asText();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
