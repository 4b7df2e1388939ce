package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The size limits of kube-apiserver and etcd, and the bodies kube reads as JSON. */
class RequestLimitsTest {
  private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
  private static final String CAPTURES =
      "/apis/pcap-operator.io/v1alpha1/namespaces/default/packetcaptures";

  @RegisterExtension final EmbeddedApi embedded = new EmbeddedApi();

  @Test
  void aBodyOverThreeMebibytesIsTooLarge() {
    RawApi.Answer answer =
        embedded
            .api()
            .send("POST", CONFIGMAPS, "application/json", configMap("big", 3 * 1024 * 1024));

    assertThat(answer.code()).isEqualTo(413);
    assertThat(answer.body().path("kind").asText()).isEqualTo("Status");
    assertThat(answer.body().path("reason").asText()).isEqualTo("RequestEntityTooLarge");
    assertThat(answer.body().path("message").asText())
        .isEqualTo("Request entity too large: limit is 3145728");
    assertThat(embedded.api().get(CONFIGMAPS + "/big").code()).isEqualTo(404);
  }

  @Test
  void aChunkedBodyOverThreeMebibytesIsTooLarge() throws Exception {
    byte[] body = configMap("chunked", 4 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(embedded.kube().url() + CONFIGMAPS))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(body)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(413);
    assertThat(answer.body()).contains("Request entity too large: limit is 3145728");
  }

  @Test
  void anObjectOverEtcdsRequestLimitIsRefusedAsKubeRefusesIt() {
    RawApi.Answer answer =
        embedded.api().send("POST", CONFIGMAPS, "application/json", configMap("large", 1_600_000));

    assertThat(answer.code()).isEqualTo(500);
    assertThat(answer.body().path("message").asText())
        .isEqualTo("etcdserver: request is too large");
    assertThat(embedded.api().get(CONFIGMAPS + "/large").code()).isEqualTo(404);
    assertThat(
            embedded
                .api()
                .send("POST", CONFIGMAPS, "application/json", configMap("fits", 1_000_000))
                .code())
        .isEqualTo(201);
  }

  @Test
  void annotationsOver256KibibytesAreInvalid() {
    String annotated =
        """
        {"apiVersion":"v1","kind":"ConfigMap",
         "metadata":{"name":"annotated","annotations":{"a":"%s","b":"%s"}}}
        """
            .formatted("x".repeat(131_072), "y".repeat(131_072));

    RawApi.Answer answer = embedded.api().send("POST", CONFIGMAPS, "application/json", annotated);

    assertThat(answer.code()).isEqualTo(422);
    assertThat(answer.body().path("reason").asText()).isEqualTo("Invalid");
    assertThat(answer.body().path("message").asText())
        .isEqualTo(
            "ConfigMap \"annotated\" is invalid: metadata.annotations: Too long: must have at most"
                + " 262144 bytes");
    JsonNode cause = answer.body().at("/details/causes/0");
    assertThat(cause.path("reason").asText()).isEqualTo("FieldValueTooLong");
    assertThat(cause.path("field").asText()).isEqualTo("metadata.annotations");
  }

  @Test
  void aBodyWithoutContentTypeIsReadAsJson() {
    RawApi.Answer answer =
        embedded
            .api()
            .send(
                "POST",
                CAPTURES,
                null,
                """
            {"apiVersion":"pcap-operator.io/v1alpha1","kind":"PacketCapture",
             "metadata":{"name":"raw"},
             "spec":{"accountId":"023e105f4ecef8ad9ca31a8372d0c353",
                     "credentialsSecretRef":{"name":"cf"},"type":"simple","timeLimit":10,
                     "packetLimit":100}}
            """);

    assertThat(answer.code()).as(answer.body().toString()).isEqualTo(201);
  }

  private static String configMap(String name, int dataBytes) {
    return "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\""
        + name
        + "\"},\"data\":{\"k\":\""
        + "z".repeat(dataBytes)
        + "\"}}";
  }
}
