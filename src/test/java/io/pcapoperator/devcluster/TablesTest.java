package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TablesTest {
  static final String TABLE = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json";
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void captureTableHasTheCrdColumnsWithTheirPriorities() {
    createCapture("cap");

    JsonNode table = embedded.api().get(CAPTURES, TABLE).body();

    assertThat(table.path("kind").asText()).isEqualTo("Table");
    assertThat(table.path("apiVersion").asText()).isEqualTo("meta.k8s.io/v1");
    assertThat(table.at("/metadata/resourceVersion").asText()).isNotEmpty();
    List<String> columns = new ArrayList<>();
    table
        .path("columnDefinitions")
        .forEach(
            c ->
                columns.add(
                    c.path("name").asText()
                        + ":"
                        + c.path("type").asText()
                        + ":"
                        + c.path("priority").asInt()));
    assertThat(columns)
        .containsExactly(
            "Name:string:0",
            "Type:string:0",
            "Phase:string:0",
            "Remote:string:0",
            "ID:string:0",
            "Packets:integer:0",
            "Age:date:0",
            "Submitted:string:1",
            "Message:string:1");
    assertThat(table.at("/columnDefinitions/0/format").asText()).isEqualTo("name");
    JsonNode row = table.at("/rows/0");
    assertThat(row.path("cells").toString())
        .matches(
            "\\[\"cap\",\"simple\",\"Running\",\"RUNNING\",\"abc123\",42,\"\\d+s\","
                + "\"2026-01-01T00:00:00Z\",\"Capturing traffic\"]");
    assertThat(row.at("/object/kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(row.at("/object/metadata/name").asText()).isEqualTo("cap");
    assertThat(row.at("/object").has("spec")).isFalse();
  }

  @Test
  void missingValuesAreNullAndObjectsCanBeIncludedOrLeftOut() {
    createCapture("bare");
    embedded
        .api()
        .send(
            "PATCH",
            CAPTURES + "/bare/status",
            "application/merge-patch+json",
            "{\"status\":null}");

    JsonNode whole = embedded.api().get(CAPTURES + "/bare?includeObject=Object", TABLE).body();
    JsonNode none = embedded.api().get(CAPTURES + "?includeObject=None", TABLE).body();

    assertThat(whole.at("/rows/0/cells").toString())
        .matches("\\[\"bare\",\"simple\",null,null,null,null,\"\\d+s\",null,null]");
    assertThat(whole.at("/rows/0/object/spec/type").asText()).isEqualTo("simple");
    assertThat(none.at("/rows/0/object").isNull()).isTrue();
    assertThat(embedded.api().get(CAPTURES + "?includeObject=All", TABLE).code()).isEqualTo(400);
  }

  @Test
  void builtInKindsHaveKubesColumns() {
    JsonNode namespaces = embedded.api().get("/api/v1/namespaces", TABLE).body();
    embedded
        .api()
        .send(
            "POST",
            "/api/v1/namespaces/default/secrets",
            "application/json",
            "{\"metadata\":{\"name\":\"s\"},\"type\":\"Opaque\",\"data\":{\"a\":\"YQ==\",\"b\":\"Yg==\"}}");
    JsonNode secrets = embedded.api().get("/api/v1/namespaces/default/secrets", TABLE).body();

    assertThat(names(namespaces)).containsExactly("Name", "Status", "Age");
    assertThat(namespaces.at("/rows/0/cells/1").asText()).isEqualTo("Active");
    assertThat(names(secrets)).containsExactly("Name", "Type", "Data", "Age");
    assertThat(secrets.at("/rows/0/cells").toString()).matches("\\[\"s\",\"Opaque\",2,\"\\d+s\"]");
  }

  @Test
  void watchEventsCarryATableAndOnlyTheFirstHasColumnDefinitions() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest watch =
        HttpRequest.newBuilder(
                URI.create(embedded.kube().url() + CAPTURES + "?watch=true&timeoutSeconds=2"))
            .header("Accept", TABLE)
            .build();
    CompletableFuture<HttpResponse<Stream<String>>> events =
        http.sendAsync(watch, HttpResponse.BodyHandlers.ofLines());
    Thread.sleep(300);
    createCapture("one");

    List<JsonNode> received = new ArrayList<>();
    for (String line : (Iterable<String>) events.get().body()::iterator) {
      received.add(new ObjectMapper().readTree(line));
    }

    assertThat(received).hasSizeGreaterThanOrEqualTo(2);
    assertThat(received.get(0).path("type").asText()).isEqualTo("ADDED");
    assertThat(received.get(0).at("/object/kind").asText()).isEqualTo("Table");
    assertThat(received.get(0).at("/object/columnDefinitions")).hasSize(9);
    assertThat(received.get(1).path("type").asText()).isEqualTo("MODIFIED");
    assertThat(received.get(1).at("/object/columnDefinitions")).isEmpty();
    assertThat(received.get(1).at("/object/rows/0/cells/2").asText()).isEqualTo("Running");
  }

  private static List<String> names(JsonNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  private void createCapture(String name) {
    embedded
        .api()
        .send(
            "POST",
            CAPTURES,
            "application/json",
            """
        {"apiVersion":"pcap-operator.io/v1alpha1","kind":"PacketCapture","metadata":{"name":"%s"},
         "spec":{"accountId":"023e105f4ecef8ad9ca31a8372d0c353","credentialsSecretRef":{"name":"cf"},
                 "type":"simple","timeLimit":10,"packetLimit":100}}
        """
                .formatted(name));
    RawApi.Answer status =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/" + name + "/status",
                "application/merge-patch+json",
                """
            {"status":{"phase":"Running","remoteStatus":"RUNNING","id":"abc123",
             "packetsCaptured":42,"submitted":"2026-01-01T00:00:00Z",
             "conditions":[{"type":"Queued","status":"True","message":"no"},
                           {"type":"Ready","status":"False","message":"Capturing traffic"}]}}
            """);
    assertThat(status.code()).as(status.body().toString()).isEqualTo(200);
  }
}
