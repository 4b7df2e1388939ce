package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OpenApiTest {
  private static final String CAPTURE_SCHEMA = "io.pcap-operator.v1alpha1.PacketCapture";
  private static final String ITEM_PATH =
      "/apis/pcap-operator.io/v1alpha1/namespaces/{namespace}/packetcaptures/{name}";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void indexLinksEachGroupVersionWithTheHashOfItsDocument() {
    JsonNode paths = embedded.api().get("/openapi/v3", "application/json").body().path("paths");

    List<String> names = new ArrayList<>();
    paths.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .contains(
            "api/v1",
            "apis/pcap-operator.io/v1alpha1",
            "apis/coordination.k8s.io/v1",
            "apis/apiextensions.k8s.io/v1");
    String url = paths.at("/apis~1pcap-operator.io~1v1alpha1/serverRelativeURL").asText();
    assertThat(url).matches("/openapi/v3/apis/pcap-operator.io/v1alpha1\\?hash=[0-9A-F]{128}");
    assertThat(embedded.api().get(url, "application/json").code()).isEqualTo(200);
  }

  @Test
  void v2DocumentHasTheSameSchemasInSwaggerForm() {
    JsonNode document = embedded.api().get("/openapi/v2", "application/json").body();

    assertThat(document.path("swagger").asText()).isEqualTo("2.0");
    JsonNode capture = document.at("/definitions/" + CAPTURE_SCHEMA);
    assertThat(capture.path("x-kubernetes-group-version-kind").toString())
        .isEqualTo(
            "[{\"group\":\"pcap-operator.io\",\"kind\":\"PacketCapture\",\"version\":\"v1alpha1\"}]");
    assertThat(capture.at("/properties/metadata/$ref").asText())
        .isEqualTo("#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(capture.at("/properties/spec/properties/timeLimit/type").asText())
        .isEqualTo("integer");
    assertThat(document.at("/definitions/" + CAPTURE_SCHEMA + "List/properties/items/items/$ref"))
        .hasToString("\"#/definitions/" + CAPTURE_SCHEMA + "\"");
    assertThat(document.at("/definitions/io.k8s.api.core.v1.Secret")).isNotEmpty();
  }

  @Test
  void crdDocumentHasTheTaggedSchemaWithMetadataAndPatchDeclaresFieldValidation() {
    JsonNode document =
        embedded.api().get("/openapi/v3/apis/pcap-operator.io/v1alpha1", "application/json").body();

    JsonNode capture = document.at("/components/schemas/" + CAPTURE_SCHEMA);
    assertThat(capture.path("x-kubernetes-group-version-kind").toString())
        .isEqualTo(
            "[{\"group\":\"pcap-operator.io\",\"kind\":\"PacketCapture\",\"version\":\"v1alpha1\"}]");
    assertThat(capture.at("/properties/apiVersion/type").asText()).isEqualTo("string");
    assertThat(capture.at("/properties/kind/type").asText()).isEqualTo("string");
    assertThat(capture.at("/properties/metadata/allOf/0/$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(capture.at("/properties/spec/properties/accountId/type").asText())
        .isEqualTo("string");
    assertThat(document.at("/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta"))
        .isNotEmpty();
    assertThat(
            document.at(
                "/components/schemas/"
                    + CAPTURE_SCHEMA
                    + "List/x-kubernetes-group-version-kind/0/kind"))
        .hasToString("\"PacketCaptureList\"");
    JsonNode patch = document.path("paths").path(ITEM_PATH).path("patch");
    assertThat(patch.at("/x-kubernetes-group-version-kind/kind").asText())
        .isEqualTo("PacketCapture");
    assertThat(parameterNames(patch)).contains("fieldValidation", "fieldManager", "dryRun");
    assertThat(document.path("paths").has(ITEM_PATH + "/status")).isTrue();
  }

  @Test
  void coreDocumentHasTheBuiltInKinds() {
    JsonNode document = embedded.api().get("/openapi/v3/api/v1", "application/json").body();

    assertThat(document.path("openapi").asText()).isEqualTo("3.0.0");
    assertThat(
            document.at(
                "/components/schemas/io.k8s.api.core.v1.Namespace/x-kubernetes-group-version-kind/0/kind"))
        .hasToString("\"Namespace\"");
    assertThat(parameterNames(document.at("/paths/~1api~1v1~1namespaces~1{name}/patch")))
        .contains("fieldValidation");
    assertThat(document.path("paths").has("/api/v1/namespaces/{namespace}/secrets/{name}"))
        .isTrue();
    assertThat(embedded.api().get("/openapi/v3/apis/nothing.io/v1", "application/json").code())
        .isEqualTo(404);
  }

  private static List<String> parameterNames(JsonNode operation) {
    List<String> names = new ArrayList<>();
    operation.path("parameters").forEach(p -> names.add(p.path("name").asText()));
    return names;
  }
}
