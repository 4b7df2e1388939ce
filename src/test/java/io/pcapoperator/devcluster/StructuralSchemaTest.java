package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schema features the PacketCapture CRD does not use, on a CRD of their own applied to the
 * embedded API: what kube-apiserver answers for each.
 */
class StructuralSchemaTest {
  private static final String WIDGETS = "/apis/test.io/v1/namespaces/default/widgets";
  private static final String CRD =
      """
      {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
       "metadata":{"name":"widgets.test.io"},
       "spec":{"group":"test.io","scope":"Namespaced",
        "names":{"kind":"Widget","plural":"widgets","singular":"widget"},
        "versions":[{"name":"v1","served":true,"storage":true,"schema":{"openAPIV3Schema":{
         "type":"object",
         "properties":{"spec":{"type":"object",
          "x-kubernetes-validations":[
           {"rule":"self.size <= 10","messageExpression":"'size ' + string(self.size) + ' is over 10'"},
           {"rule":"!has(self.owner) || self.owner != 'root'","reason":"FieldValueForbidden",
            "fieldPath":".owner","message":"root may not own a widget"},
           {"rule":"self.size >= oldSelf.size","message":"size may only grow"}],
          "properties":{
           "size":{"type":"integer","default":1},
           "owner":{"type":"string","minLength":2},
           "ratio":{"type":"number","exclusiveMinimum":true,"minimum":0,"maximum":1.5},
           "port":{"x-kubernetes-int-or-string":true},
           "note":{"type":"string","nullable":true},
           "when":{"type":"string","format":"date-time","x-kubernetes-validations":[
            {"rule":"self.getFullYear() >= 2020","message":"when is before 2020"}]},
           "tags":{"type":"array","minItems":1,"maxItems":2,"items":{"type":"string","maxLength":3}},
           "labels":{"type":"object","additionalProperties":{"type":"integer"}},
           "extra":{"type":"object","x-kubernetes-preserve-unknown-fields":true},
           "template":{"type":"object","x-kubernetes-embedded-resource":true,
            "properties":{"data":{"type":"string"}}},
           "options":{"type":"object","default":{},
            "properties":{"mode":{"type":"string","default":"fast"}}}}}}}}}]}}
      """;

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @BeforeEach
  void installTheTestCrd() {
    RawApi.Answer crd =
        embedded
            .api()
            .send(
                "POST",
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions",
                "application/json",
                CRD);
    assertThat(crd.code()).as(crd.body().toString()).isEqualTo(201);
  }

  @Test
  void defaultsFillAbsentObjectsAndTheirFields() {
    JsonNode spec = create("plain", "{}").body().path("spec");

    assertThat(spec.path("size").asInt()).isEqualTo(1);
    assertThat(spec.at("/options/mode").asText()).isEqualTo("fast");
  }

  @Test
  void extensionsKeepWhatTheyDeclare() {
    RawApi.Answer answer =
        create(
            "kept",
            """
            {"port":"http","note":null,"labels":{"a":1},"extra":{"any":{"thing":[1]}},
             "template":{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},
                         "data":"d","dropped":true}}""");

    assertThat(answer.code()).as(answer.body().toString()).isEqualTo(201);
    JsonNode spec = answer.body().path("spec");
    assertThat(spec.path("port").asText()).isEqualTo("http");
    assertThat(spec.has("note")).isTrue();
    assertThat(spec.at("/labels/a").asInt()).isEqualTo(1);
    assertThat(spec.at("/extra/any/thing/0").asInt()).isEqualTo(1);
    assertThat(spec.at("/template/metadata/name").asText()).isEqualTo("x");
    assertThat(spec.at("/template/kind").asText()).isEqualTo("ConfigMap");
    assertThat(spec.path("template").has("dropped")).isFalse();
  }

  @Test
  void eachSchemaRuleIsWordedAsKubeWordsIt() {
    RawApi.Answer answer =
        create(
            "bad",
            """
            {"owner":"x","ratio":0,"port":1.5,"when":"yesterday","tags":["a","b","long"],
             "labels":{"a":"one"}}""");

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().at("/details/causes").findValuesAsText("message"))
        .containsExactly(
            "Invalid value: \"x\": spec.owner in body should be at least 2 chars long",
            "Invalid value: 0: spec.ratio in body should be greater than 0",
            "Invalid value: \"number\": spec.port in body must be of type integer,string:"
                + " \"number\"",
            "Invalid value: \"yesterday\": spec.when in body must be of type date-time:"
                + " \"yesterday\"",
            "Too many: 3: must have at most 2 items",
            "Too long: may not be longer than 3",
            "Invalid value: \"string\": spec.labels.a in body must be of type integer: \"string\"",
            "Invalid value: \"null\": some validation rules were not checked because the object"
                + " was invalid; correct the existing errors to complete validation");
    assertThat(answer.body().at("/details/causes").findValuesAsText("field"))
        .containsExactly(
            "spec.owner",
            "spec.ratio",
            "spec.port",
            "spec.when",
            "spec.tags",
            "spec.tags[2]",
            "spec.labels.a",
            "<nil>");
  }

  @Test
  void dateTimesAreTimestampsToCel() {
    RawApi.Answer answer = create("early", "{\"when\":\"2019-06-01T10:00:00Z\"}");

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "Widget.test.io \"early\" is invalid: spec.when: Invalid value: \"string\": when is"
                + " before 2020");
    assertThat(create("late", "{\"when\":\"2021-06-01T10:00:00Z\"}").code()).isEqualTo(201);
  }

  @Test
  void numbersAboveAFloatBoundAndTooFewItems() {
    RawApi.Answer answer = create("float", "{\"ratio\":2.5,\"tags\":[]}");

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "Widget.test.io \"float\" is invalid: [spec.ratio: Invalid value: 2.5: spec.ratio in"
                + " body should be less than or equal to 1.5, spec.tags: Invalid value:"
                + " []interface {}{}: spec.tags in body should have at least 1 items]");
  }

  @Test
  void celMessageExpressionReasonAndFieldPath() {
    RawApi.Answer answer = create("cel", "{\"size\":11,\"owner\":\"root\"}");

    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "Widget.test.io \"cel\" is invalid: [spec: Invalid value: \"object\": size 11 is over"
                + " 10, spec.owner: Forbidden: root may not own a widget]");
    assertThat(answer.body().at("/details/causes/1/reason").asText())
        .isEqualTo("FieldValueForbidden");
  }

  @Test
  void transitionRulesRunOnUpdatesOnly() {
    assertThat(create("grow", "{\"size\":5}").code()).isEqualTo(201);

    RawApi.Answer shrunk =
        embedded
            .api()
            .send(
                "PATCH",
                WIDGETS + "/grow",
                "application/merge-patch+json",
                "{\"spec\":{\"size\":4}}");
    RawApi.Answer grown =
        embedded
            .api()
            .send(
                "PATCH",
                WIDGETS + "/grow",
                "application/merge-patch+json",
                "{\"spec\":{\"size\":6}}");

    assertThat(shrunk.body().path("message").asText())
        .isEqualTo(
            "Widget.test.io \"grow\" is invalid: spec: Invalid value: \"object\": size may only"
                + " grow");
    assertThat(grown.code()).isEqualTo(200);
  }

  @Test
  void unknownMetadataFieldsAreUnknownFieldsToo() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                WIDGETS + "?fieldValidation=Warn",
                "application/json",
                "{\"apiVersion\":\"test.io/v1\",\"kind\":\"Widget\","
                    + "\"metadata\":{\"name\":\"meta\",\"colour\":\"red\"},\"spec\":{},\"top\":1}");

    assertThat(answer.code()).isEqualTo(201);
    assertThat(answer.warnings())
        .containsExactly(
            "299 - \"unknown field \\\"metadata.colour\\\"\"",
            "299 - \"unknown field \\\"top\\\"\"");
    assertThat(answer.body().has("top")).isFalse();
    assertThat(answer.body().path("metadata").has("colour")).isFalse();
  }

  @Test
  void valuesStoredUnderAnOlderSchemaAreRatchetedOnUpdate() {
    assertThat(create("old", "{\"owner\":\"ab\"}").code()).isEqualTo(201);
    String owner = "/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/owner";
    RawApi.Answer stricter =
        embedded
            .api()
            .send(
                "PATCH",
                "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.test.io",
                "application/json-patch+json",
                "[{\"op\":\"add\",\"path\":\""
                    + owner
                    + "/maxLength\",\"value\":1},{\"op\":\"add\",\"path\":\""
                    + owner
                    + "/x-kubernetes-validations\",\"value\":[{\"rule\":\"self.startsWith('z')\","
                    + "\"message\":\"owner must start with z\"}]}]");
    assertThat(stricter.code()).as(stricter.body().toString()).isEqualTo(200);

    RawApi.Answer labelled =
        embedded
            .api()
            .send(
                "PATCH",
                WIDGETS + "/old",
                "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}");
    RawApi.Answer changed =
        embedded
            .api()
            .send(
                "PATCH",
                WIDGETS + "/old",
                "application/merge-patch+json",
                "{\"spec\":{\"owner\":\"cd\"}}");

    assertThat(labelled.code()).isEqualTo(200);
    assertThat(labelled.warnings())
        .containsExactly(
            "299 - \"spec.owner: Invalid value: \\\"string\\\": owner must start with z\"");
    assertThat(changed.body().path("message").asText())
        .isEqualTo(
            "Widget.test.io \"old\" is invalid: [spec.owner: Too long: may not be longer than 1, "
                + "<nil>: Invalid value: \"null\": some validation rules were not checked because"
                + " the object was invalid; correct the existing errors to complete validation]");
  }

  private RawApi.Answer create(String name, String spec) {
    return embedded
        .api()
        .send(
            "POST",
            WIDGETS,
            "application/json",
            "{\"apiVersion\":\"test.io/v1\",\"kind\":\"Widget\",\"metadata\":{\"name\":\""
                + name
                + "\"},\"spec\":"
                + spec
                + "}");
  }
}
