package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KubeApiServerTest {
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";
  private static final String CAPTURE =
      """
      {"apiVersion":"pcap-operator.io/v1alpha1","kind":"PacketCapture",
       "metadata":{"name":"%s","finalizers":["a","b"],"labels":{"stale":"x"}},
       "spec":{"accountId":"023e105f4ecef8ad9ca31a8372d0c353","credentialsSecretRef":{"name":"cf"},
               "type":"simple","timeLimit":10,"packetLimit":100}}
      """;

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void mergePatchReplacesArraysAndNullDeletes() {
    create("merge");
    RawApi.Answer patched =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/merge",
                "application/merge-patch+json",
                "{\"metadata\":{\"finalizers\":[\"b\"],\"labels\":{\"team\":\"net\",\"stale\":null}}}");

    assertThat(patched.code()).isEqualTo(200);
    assertThat(patched.body().at("/metadata/finalizers").toString()).isEqualTo("[\"b\"]");
    assertThat(patched.body().at("/metadata/labels/team").asText()).isEqualTo("net");
    assertThat(patched.body().at("/metadata/labels").has("stale")).isFalse();
  }

  @Test
  void jsonPatchAppliesOperationsInOrder() {
    create("json");
    RawApi.Answer patched =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/json",
                "application/json-patch+json",
                "[{\"op\":\"remove\",\"path\":\"/metadata/finalizers/0\"},"
                    + "{\"op\":\"add\",\"path\":\"/metadata/finalizers/-\",\"value\":\"c\"},"
                    + "{\"op\":\"add\",\"path\":\"/spec/deletionPolicy\",\"value\":\"Orphan\"}]");

    assertThat(patched.body().at("/metadata/finalizers").toString()).isEqualTo("[\"b\",\"c\"]");
    assertThat(patched.body().at("/spec/deletionPolicy").asText()).isEqualTo("Orphan");
  }

  @Test
  void staleWritesConflictOnTheObjectAndOnItsStatus() {
    JsonNode created = create("stale");
    String staleVersion = created.at("/metadata/resourceVersion").asText();
    embedded
        .api()
        .send(
            "PATCH",
            CAPTURES + "/stale",
            "application/merge-patch+json",
            "{\"metadata\":{\"labels\":{\"x\":\"1\"}}}");

    String stale =
        "{\"apiVersion\":\"pcap-operator.io/v1alpha1\",\"kind\":\"PacketCapture\",\"metadata\":{\"name\":\"stale\",\"resourceVersion\":\""
            + staleVersion
            + "\"},\"status\":{\"phase\":\"Queued\"}}";
    RawApi.Answer status =
        embedded.api().send("PUT", CAPTURES + "/stale/status", "application/json", stale);
    RawApi.Answer object =
        embedded.api().send("PUT", CAPTURES + "/stale", "application/json", stale);

    for (RawApi.Answer answer : List.of(status, object)) {
      assertThat(answer.code()).isEqualTo(409);
      assertThat(answer.body().path("reason").asText()).isEqualTo("Conflict");
      assertThat(answer.body().path("message").asText())
          .startsWith("Operation cannot be fulfilled on packetcaptures.pcap-operator.io \"stale\"");
    }
  }

  @Test
  void generationMovesWithTheSpecOnlyAndStatusWritesTouchOnlyStatus() {
    create("gen");
    JsonNode labelled =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/gen",
                "application/merge-patch+json",
                "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}")
            .body();
    JsonNode status =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/gen/status",
                "application/merge-patch+json",
                "{\"status\":{\"phase\":\"Queued\"},\"spec\":{\"timeLimit\":99}}")
            .body();
    JsonNode specChanged =
        embedded
            .api()
            .send(
                "PATCH",
                CAPTURES + "/gen",
                "application/merge-patch+json",
                "{\"spec\":{\"deletionPolicy\":\"Orphan\"},\"status\":{\"phase\":\"x\"}}")
            .body();

    assertThat(labelled.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(status.at("/metadata/generation").asLong()).isEqualTo(1);
    assertThat(status.at("/spec/timeLimit").asInt()).isEqualTo(10);
    assertThat(status.at("/status/phase").asText()).isEqualTo("Queued");
    assertThat(specChanged.at("/metadata/generation").asLong()).isEqualTo(2);
    assertThat(specChanged.at("/status/phase").asText()).isEqualTo("Queued");
  }

  @Test
  void statusIsDroppedOnCreateWhenItIsASubresource() {
    String withStatus =
        CAPTURE
            .formatted("created")
            .replace("\"spec\"", "\"status\":{\"phase\":\"Succeeded\"},\"spec\"");
    RawApi.Answer created = embedded.api().send("POST", CAPTURES, "application/json", withStatus);

    assertThat(created.code()).isEqualTo(201);
    assertThat(created.body().has("status")).isFalse();
    assertThat(created.body().at("/metadata/uid").asText()).isNotEmpty();
    assertThat(created.body().at("/metadata/creationTimestamp").asText()).endsWith("Z");
  }

  @Test
  void finalizersHoldADeletedObjectUntilTheLastIsRemoved() {
    create("fin");
    RawApi.Answer deleted =
        embedded.api().send("DELETE", CAPTURES + "/fin", "application/json", "");
    assertThat(deleted.code()).isEqualTo(200);
    assertThat(deleted.body().at("/metadata/deletionTimestamp").asText()).isNotEmpty();
    assertThat(embedded.api().get(CAPTURES + "/fin").code()).isEqualTo(200);

    embedded
        .api()
        .send(
            "PATCH",
            CAPTURES + "/fin",
            "application/merge-patch+json",
            "{\"metadata\":{\"finalizers\":null}}");

    RawApi.Answer gone = embedded.api().get(CAPTURES + "/fin");
    assertThat(gone.code()).isEqualTo(404);
    assertThat(gone.body().path("message").asText())
        .isEqualTo("packetcaptures.pcap-operator.io \"fin\" not found");
  }

  @Test
  void objectsNeedAnExistingNamespace() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                "/apis/pcap-operator.io/v1alpha1/namespaces/nowhere/packetcaptures",
                "application/json",
                CAPTURE.formatted("lost"));

    assertThat(answer.code()).isEqualTo(404);
    assertThat(answer.body().path("message").asText())
        .isEqualTo("namespaces \"nowhere\" not found");
  }

  @Test
  void discoveryServesTheCrdsKindWithShortNamesAndStatus() {
    JsonNode groups = embedded.api().get("/apis").body();
    JsonNode resources = embedded.api().get("/apis/pcap-operator.io/v1alpha1").body();

    assertThat(groups.findValuesAsText("name")).contains("pcap-operator.io", "coordination.k8s.io");
    JsonNode captures = find(resources, "packetcaptures");
    assertThat(captures.path("kind").asText()).isEqualTo("PacketCapture");
    assertThat(captures.path("namespaced").asBoolean()).isTrue();
    assertThat(captures.path("shortNames").toString()).contains("pcap");
    assertThat(find(resources, "packetcaptures/status").path("verbs").toString()).contains("patch");
    assertThat(embedded.api().get("/api/v1").body().toString())
        .contains("\"secrets\"", "\"events\"", "\"namespaces\"");
  }

  @Test
  void secretsFoldStringDataIntoData() {
    KubernetesClient client = embedded.kube().client();
    client
        .secrets()
        .inNamespace("default")
        .resource(
            new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata()
                .withName("cf")
                .endMetadata()
                .withStringData(Map.of("token", "abc"))
                .build())
        .create();

    var secret = client.secrets().inNamespace("default").withName("cf").get();
    assertThat(secret.getData()).containsEntry("token", "YWJj");
    assertThat(secret.getStringData()).isNullOrEmpty();
    assertThat(secret.getType()).isEqualTo("Opaque");
  }

  @Test
  void listsFilterByLabelAndPageWithContinue() {
    KubernetesClient client = embedded.kube().client();
    for (int i = 0; i < 5; i++) {
      client
          .configMaps()
          .inNamespace("default")
          .resource(configMap("cm-" + i, i % 2 == 0 ? "even" : "odd"))
          .create();
    }
    assertThat(
            client
                .configMaps()
                .inNamespace("default")
                .withLabel("parity", "even")
                .list()
                .getItems())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("cm-0", "cm-2", "cm-4");
    assertThat(
            client
                .configMaps()
                .inNamespace("default")
                .withLabelIn("parity", "odd", "none")
                .list()
                .getItems())
        .hasSize(2);

    JsonNode firstPage = embedded.api().get("/api/v1/namespaces/default/configmaps?limit=2").body();
    String token = firstPage.at("/metadata/continue").asText();
    JsonNode secondPage =
        embedded
            .api()
            .get("/api/v1/namespaces/default/configmaps?limit=2&continue=" + token)
            .body();

    assertThat(firstPage.at("/metadata/remainingItemCount").asInt()).isEqualTo(3);
    assertThat(names(firstPage)).containsExactly("cm-0", "cm-1");
    assertThat(names(secondPage)).containsExactly("cm-2", "cm-3");
  }

  @Test
  void fabric8WatchesOverHttpSeeEveryChange() {
    KubernetesClient client = embedded.kube().client();
    List<String> seen = new CopyOnWriteArrayList<>();
    Watch watch =
        client
            .configMaps()
            .inNamespace("default")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    seen.add(action + " " + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    try {
      client.configMaps().inNamespace("default").resource(configMap("w", "odd")).create();
      client
          .configMaps()
          .inNamespace("default")
          .withName("w")
          .edit(
              c -> {
                c.getMetadata().getLabels().put("parity", "even");
                return c;
              });
      client.configMaps().inNamespace("default").withName("w").delete();
      Awaitility.await().until(() -> seen.size() >= 3);
    } finally {
      watch.close();
    }
    assertThat(seen).containsExactly("ADDED w", "MODIFIED w", "DELETED w");
  }

  @Test
  void aWatchResumesAfterItsVersionAndAnExpiredVersionIsGone() throws Exception {
    JsonNode first = create("first");
    create("second");
    String after = first.at("/metadata/resourceVersion").asText();

    List<JsonNode> events = readWatch(CAPTURES + "?watch=true&resourceVersion=" + after, 1);
    assertThat(events.get(0).path("type").asText()).isEqualTo("ADDED");
    assertThat(events.get(0).at("/object/metadata/name").asText()).isEqualTo("second");

    List<JsonNode> expired = readWatch(CAPTURES + "?watch=true&resourceVersion=5", 1);
    assertThat(expired.get(0).path("type").asText()).isEqualTo("ERROR");
    assertThat(expired.get(0).at("/object/code").asInt()).isEqualTo(410);
  }

  @Test
  void aRemovedWatcherLeavesNothingBehind() {
    KubernetesClient client = embedded.kube().client();
    Watch watch =
        client
            .configMaps()
            .inNamespace("default")
            .watch(
                new Watcher<ConfigMap>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {}

                  @Override
                  public void onClose(WatcherException cause) {}
                });
    Awaitility.await().until(() -> embedded.kube().server().openWatches() == 1);
    watch.close();
    // The server notices a client gone when it next writes to it.
    int[] nudges = {0};
    Awaitility.await()
        .until(
            () -> {
              client
                  .configMaps()
                  .inNamespace("default")
                  .resource(configMap("nudge-" + nudges[0]++, "odd"))
                  .create();
              return embedded.kube().server().openWatches() == 0;
            });
  }

  @Test
  void createsOfAnExistingNameConflict() {
    create("twice");
    KubernetesClientException thrown = null;
    try {
      embedded
          .kube()
          .client()
          .resources(PacketCapture.class)
          .inNamespace("default")
          .resource(
              embedded
                  .kube()
                  .client()
                  .resources(PacketCapture.class)
                  .inNamespace("default")
                  .withName("twice")
                  .get())
          .create();
    } catch (KubernetesClientException e) {
      thrown = e;
    }
    assertThat(thrown).isNotNull();
    assertThat(thrown.getCode()).isEqualTo(409);
    assertThat(thrown.getStatus().getReason()).isEqualTo("AlreadyExists");
  }

  private JsonNode create(String name) {
    RawApi.Answer created =
        embedded.api().send("POST", CAPTURES, "application/json", CAPTURE.formatted(name));
    assertThat(created.code()).as(created.body().toString()).isEqualTo(201);
    return created.body();
  }

  private List<JsonNode> readWatch(String path, int count) throws Exception {
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(embedded.kube().url() + path + "&timeoutSeconds=2"))
                    .build(),
                HttpResponse.BodyHandlers.ofLines());
    List<JsonNode> events = new ArrayList<>();
    try (Stream<String> lines = response.body()) {
      lines.limit(count).forEach(line -> events.add(readTree(line)));
    }
    return events;
  }

  private static JsonNode readTree(String line) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static JsonNode find(JsonNode resourceList, String name) {
    for (JsonNode resource : resourceList.path("resources")) {
      if (resource.path("name").asText().equals(name)) {
        return resource;
      }
    }
    throw new AssertionError(name + " not in " + resourceList);
  }

  private static List<String> names(JsonNode list) {
    List<String> names = new ArrayList<>();
    list.path("items").forEach(item -> names.add(item.at("/metadata/name").asText()));
    return names;
  }

  private static ConfigMap configMap(String name, String parity) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("parity", parity)
        .endMetadata()
        .addToData("k", "v")
        .build();
  }
}
