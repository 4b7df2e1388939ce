package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.testing.ManualClock;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulatorTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final String PCAPS = "/client/v4/accounts/" + ACCOUNT + "/pcaps";
  private static final String[] TOKEN = {
    "Authorization", "Bearer dev-token", "Content-Type", "application/json"
  };
  private static final String SIMPLE =
      "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":300,\"packet_limit\":50,"
          + "\"filter_v1\":{\"destination_address\":\"203.0.113.7\",\"destination_port\":443,"
          + "\"protocol\":6}}";
  private static final String FULL =
      "{\"system\":\"magic-transit\",\"type\":\"full\",\"time_limit\":60,\"colo_name\":\"ORD\","
          + "\"destination_conf\":\"gs://my-pcaps/netops\",\"packet_limit\":10000}";

  private final ManualClock clock = new ManualClock(Instant.parse("2026-11-22T08:00:00Z"));
  private PcapSimulator simulator;
  private RawClient client;

  @BeforeEach
  void start() {
    simulator =
        PcapSimulator.start(
            SimulatorConfig.defaults().toBuilder()
                .credentials(Set.of("dev-token"), Map.of("ops@example.com", "global-key"))
                .build(),
            clock,
            0);
    client = new RawClient(simulator);
  }

  @AfterEach
  void stop() {
    simulator.close();
  }

  private JsonNode create(String body) {
    HttpResponse<byte[]> response = client.send("POST", PCAPS, body, TOKEN);
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(200);
    return RawClient.json(response).get("result");
  }

  private JsonNode get(String id) {
    return RawClient.json(client.send("GET", PCAPS + "/" + id, null, TOKEN)).get("result");
  }

  @Test
  void answersInCloudflaresEnvelopeWithRateLimitHeaders() {
    HttpResponse<byte[]> response = client.send("POST", PCAPS, SIMPLE, TOKEN);
    JsonNode body = RawClient.json(response);

    assertThat(response.headers().firstValue("content-type")).contains("application/json");
    assertThat(response.headers().firstValue("ratelimit")).contains("\"default\";r=1199;t=300");
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("errors")).isEmpty();
    assertThat(body.get("messages")).isEmpty();
    JsonNode result = body.get("result");
    assertThat(result.get("id").asText()).matches("[0-9a-f]{32}");
    assertThat(result.get("status").asText()).isEqualTo("pending");
    assertThat(result.get("submitted").asText()).isEqualTo("2026-11-22T08:00:00.000000Z");
    assertThat(result.get("filter_v1").get("destination_port").asInt()).isEqualTo(443);
  }

  @Test
  void rejectsUnknownCredentialsAndMalformedHeaders() {
    HttpResponse<byte[]> bad = client.send("GET", PCAPS, null, "Authorization", "Bearer nope");
    assertThat(bad.statusCode()).isEqualTo(403);
    JsonNode error = RawClient.json(bad).get("errors").get(0);
    assertThat(error.get("code").asInt()).isEqualTo(10000);
    assertThat(RawClient.json(bad).get("result").isNull()).isTrue();

    HttpResponse<byte[]> malformed = client.send("GET", PCAPS, null, "Authorization", "Token x");
    assertThat(malformed.statusCode()).isEqualTo(400);
    JsonNode headerError = RawClient.json(malformed).get("errors").get(0);
    assertThat(headerError.get("code").asInt()).isEqualTo(6003);
    assertThat(headerError.get("error_chain").get(0).get("code").asInt()).isEqualTo(6111);

    HttpResponse<byte[]> keyAuth =
        client.send(
            "GET", PCAPS, null, "X-Auth-Email", "ops@example.com", "X-Auth-Key", "global-key");
    assertThat(keyAuth.statusCode()).isEqualTo(200);
    HttpResponse<byte[]> wrongKey =
        client.send("GET", PCAPS, null, "X-Auth-Email", "ops@example.com", "X-Auth-Key", "no");
    assertThat(wrongKey.statusCode()).isEqualTo(403);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"system\":\"magic-wan\",\"type\":\"simple\",\"time_limit\":1,\"packet_limit\":1}"
            + "| system must be magic-transit",
        "{\"system\":\"magic-transit\",\"type\":\"sample\",\"time_limit\":1,\"packet_limit\":1}"
            + "| type must be simple or full",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":301,\"packet_limit\":1}"
            + "| time_limit must be between 1 and 300 for a simple capture",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10}"
            + "| packet_limit is required for a simple capture",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10,\"packet_limit\":10001}"
            + "| packet_limit must be between 1 and 10000 for a simple capture",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10,\"packet_limit\":1,"
            + "\"byte_limit\":5}| byte_limit applies to full captures only",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10,\"packet_limit\":1,"
            + "\"offset_time\":\"2026-11-21T07:59:59Z\"}| offset_time must be within the last 24 hours",
        "{\"system\":\"magic-transit\",\"type\":\"full\",\"time_limit\":86401,\"colo_name\":\"ORD\","
            + "\"destination_conf\":\"s3://b\"}| time_limit must be between 1 and 86400 for a full"
            + " capture",
        "{\"system\":\"magic-transit\",\"type\":\"full\",\"time_limit\":10,"
            + "\"destination_conf\":\"s3://b\"}| colo_name is required for a full capture",
        "{\"system\":\"magic-transit\",\"type\":\"full\",\"time_limit\":10,\"colo_name\":\"ORD\","
            + "\"destination_conf\":\"ftp://b\"}| destination_conf must be an s3://, gs:// or r2://"
            + " bucket URI",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10,\"packet_limit\":1,"
            + "\"filter_v1\":{\"source_address\":\"300.1.1.1\"}}| filter_v1.source_address must be"
            + " an IPv4 address",
        "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":10,\"packet_limit\":1,"
            + "\"filter_v1\":{\"protocol\":256}}| filter_v1.protocol must be between 0 and 255"
      })
  void validationErrorsNameTheField(String body, String message) {
    HttpResponse<byte[]> response = client.send("POST", PCAPS, body, TOKEN);

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode json = RawClient.json(response);
    assertThat(json.get("success").asBoolean()).isFalse();
    assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo(message);
    assertThat(simulator.captures()).isEmpty();
  }

  @Test
  void simpleCaptureSucceedsAndDownloadsAValidPcapFile() {
    String id = create(SIMPLE).get("id").asText();
    assertThat(client.send("GET", PCAPS + "/" + id + "/download", null, TOKEN).statusCode())
        .isEqualTo(400);

    clock.advance(Duration.ofSeconds(1));
    JsonNode done = get(id);
    assertThat(done.get("status").asText()).isEqualTo("success");
    assertThat(done.get("packets_captured").asLong()).isEqualTo(50);

    HttpResponse<byte[]> download = client.send("GET", PCAPS + "/" + id + "/download", null, TOKEN);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("content-type"))
        .contains("application/vnd.tcpdump.pcap");
    ByteBuffer file = ByteBuffer.wrap(download.body()).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(file.getInt(0)).isEqualTo(0xA1B2C3D4);
    assertThat(file.getShort(4)).isEqualTo((short) 2);
    assertThat(file.getShort(6)).isEqualTo((short) 4);
    assertThat(file.getInt(20)).isEqualTo(1); // Ethernet
    int records = 0;
    for (int at = 24; at < download.body().length; records++) {
      int included = file.getInt(at + 8);
      assertThat(included).isLessThanOrEqualTo(160);
      int ip = at + 16 + 14;
      assertThat(download.body()[ip + 9]).as("protocol").isEqualTo((byte) 6);
      assertThat(Byte.toUnsignedInt(download.body()[ip + 16])).as("destination").isEqualTo(203);
      at += 16 + included;
    }
    assertThat(records).isEqualTo(50);
  }

  @Test
  void fullCaptureGoesThroughEveryStatus() {
    String id = create(FULL).get("id").asText();
    assertThat(get(id).get("status").asText()).isEqualTo("pending");
    clock.advance(Duration.ofSeconds(3));
    assertThat(get(id).get("status").asText()).isEqualTo("running");
    assertThat(get(id).get("packets_captured").asLong()).isEqualTo(100);
    clock.advance(Duration.ofSeconds(60));
    assertThat(get(id).get("status").asText()).isEqualTo("conversion_pending");
    clock.advance(Duration.ofSeconds(5));
    assertThat(get(id).get("status").asText()).isEqualTo("conversion_running");
    clock.advance(Duration.ofSeconds(10));
    JsonNode done = get(id);
    assertThat(done.get("status").asText()).isEqualTo("success");
    assertThat(done.get("packets_captured").asLong()).isEqualTo(6000);
    assertThat(done.get("colo_name").asText()).isEqualTo("ORD");
  }

  @Test
  void stoppingAFullCaptureEndsCollectionAndIsRecorded() {
    String id = create(FULL).get("id").asText();
    clock.advance(Duration.ofSeconds(12));

    HttpResponse<byte[]> stop = client.send("PUT", PCAPS + "/" + id + "/stop", null, TOKEN);

    assertThat(stop.statusCode()).isEqualTo(204);
    JsonNode stopped = get(id);
    assertThat(stopped.get("stop_requested").asText()).isEqualTo("2026-11-22T08:00:12Z");
    assertThat(stopped.get("status").asText()).isEqualTo("conversion_pending");
    assertThat(stopped.get("packets_captured").asLong()).isEqualTo(1000);
    assertThat(client.send("PUT", PCAPS + "/" + id + "/stop", null, TOKEN).statusCode())
        .isEqualTo(400);

    String simple = create(SIMPLE).get("id").asText();
    HttpResponse<byte[]> stopSimple =
        client.send("PUT", PCAPS + "/" + simple + "/stop", null, TOKEN);
    assertThat(stopSimple.statusCode()).isEqualTo(400);
    assertThat(RawClient.json(stopSimple).get("errors").get(0).get("message").asText())
        .isEqualTo("only full packet captures can be stopped");
  }

  @Test
  void enforcesOneSimpleCaptureAMinuteAndOneRunningFullCapturePerAccount() {
    create(SIMPLE);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<byte[]> second = client.send("POST", PCAPS, SIMPLE, TOKEN);
    assertThat(second.statusCode()).isEqualTo(429);
    assertThat(second.headers().firstValue("retry-after")).contains("40");
    clock.advance(Duration.ofSeconds(40));
    assertThat(client.send("POST", PCAPS, SIMPLE, TOKEN).statusCode()).isEqualTo(200);

    create(FULL);
    assertThat(client.send("POST", PCAPS, FULL, TOKEN).statusCode()).isEqualTo(409);
    clock.advance(Duration.ofSeconds(63));
    assertThat(client.send("POST", PCAPS, FULL, TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void lockesOutACredentialPastItsBudget() {
    simulator.close();
    simulator =
        PcapSimulator.start(
            SimulatorConfig.defaults().toBuilder()
                .budget(5, Duration.ofMinutes(5), Duration.ofMinutes(5))
                .build(),
            clock,
            0);
    client = new RawClient(simulator);
    for (int i = 0; i < 5; i++) {
      assertThat(client.send("GET", PCAPS, null, TOKEN).statusCode()).isEqualTo(200);
    }
    HttpResponse<byte[]> throttled = client.send("GET", PCAPS, null, TOKEN);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(RawClient.json(throttled).get("errors").get(0).get("code").asInt()).isEqualTo(971);
    assertThat(throttled.headers().firstValue("retry-after")).contains("300");

    clock.advance(Duration.ofMinutes(4));
    assertThat(client.send("GET", PCAPS, null, TOKEN).statusCode()).isEqualTo(429);
    clock.advance(Duration.ofMinutes(1));
    assertThat(client.send("GET", PCAPS, null, TOKEN).statusCode()).isEqualTo(200);
  }

  @Test
  void injectsFaultsAndCountsRequestsPerEndpoint() {
    simulator
        .faults()
        .force(new Faults.Forced(429, 7, true))
        .force(new Faults.Forced(503, null, null));
    HttpResponse<byte[]> first = client.send("GET", PCAPS, null, TOKEN);
    HttpResponse<byte[]> second = client.send("GET", PCAPS, null, TOKEN);
    HttpResponse<byte[]> third = client.send("GET", PCAPS, null, TOKEN);

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("retry-after")).contains("7");
    assertThat(first.headers().firstValue("x-should-retry")).contains("true");
    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(third.statusCode()).isEqualTo(200);

    simulator.faults().errorRate(1.0, 502);
    assertThat(client.send("POST", PCAPS, SIMPLE, TOKEN).statusCode()).isEqualTo(502);
    assertThat(simulator.captures()).isEmpty();

    SimulatorStats.Snapshot stats = simulator.stats().snapshot();
    assertThat(stats.count("list")).isEqualTo(3);
    assertThat(stats.count("create")).isEqualTo(1);
    assertThat(stats.status(503)).isEqualTo(1);
    assertThat(stats.total()).isEqualTo(4);
  }

  @Test
  void adminEndpointSetsFaultsAndReportsStats() {
    HttpResponse<byte[]> set =
        client.send(
            "POST",
            "/__admin/faults",
            "{\"failNextCaptures\":1,\"failMessage\":\"bucket unreachable\"}");
    assertThat(set.statusCode()).isEqualTo(200);
    String id = create(FULL).get("id").asText();
    clock.advance(Duration.ofSeconds(70));
    JsonNode failed = get(id);
    assertThat(failed.get("status").asText()).isEqualTo("failed");
    assertThat(failed.get("error_message").asText()).isEqualTo("bucket unreachable");
    assertThat(failed.get("packets_captured").asLong()).as("a failed capture has none").isZero();

    JsonNode stats = RawClient.json(client.send("GET", "/__admin/stats", null));
    assertThat(stats.get("byEndpoint").get("create").asInt()).isEqualTo(1);
    assertThat(stats.get("byEndpoint").get("get").asInt()).isEqualTo(1);
    JsonNode captures = RawClient.json(client.send("GET", "/__admin/captures", null));
    assertThat(captures.get("captures")).hasSize(1);
  }

  @Test
  void lostCreateAnswerStillMakesTheCapture() {
    simulator.faults().loseNextCreateAnswers(1);
    assertThat(client.send("POST", PCAPS, SIMPLE, TOKEN).statusCode()).isEqualTo(502);
    assertThat(simulator.captures()).hasSize(1);
  }

  @Test
  void listsNewestFirstAndAtMostFifty() {
    for (int i = 0; i < 55; i++) {
      create(SIMPLE);
      clock.advance(Duration.ofMinutes(1));
    }
    JsonNode list = RawClient.json(client.send("GET", PCAPS, null, TOKEN));
    assertThat(list.get("result")).hasSize(50);
    assertThat(list.get("result_info").get("count").asInt()).isEqualTo(50);
    assertThat(list.get("result_info").get("total_count").asInt()).isEqualTo(55);
    String newest = list.get("result").get(0).get("submitted").asText();
    String next = list.get("result").get(1).get("submitted").asText();
    assertThat(newest).isGreaterThan(next);
  }

  @Test
  void bucketOwnershipIsCreatedValidatedAndDeleted() {
    String ownership = PCAPS + "/ownership";
    JsonNode created =
        RawClient.json(
                client.send("POST", ownership, "{\"destination_conf\":\"s3://bucket\"}", TOKEN))
            .get("result");
    assertThat(created.get("status").asText()).isEqualTo("pending");
    String filename = created.get("filename").asText();
    assertThat(filename).isEqualTo("ownership-challenge-" + created.get("id").asText() + ".txt");
    assertThat(created.has("validated")).as("validated is absent until it is").isFalse();

    HttpResponse<byte[]> wrong =
        client.send(
            "POST",
            ownership + "/validate",
            "{\"destination_conf\":\"s3://bucket\",\"ownership_challenge\":\"nope\"}",
            TOKEN);
    assertThat(wrong.statusCode()).isEqualTo(400);
    HttpResponse<byte[]> byName =
        client.send(
            "POST",
            ownership + "/validate",
            "{\"destination_conf\":\"s3://bucket\",\"ownership_challenge\":\"" + filename + "\"}",
            TOKEN);
    assertThat(byName.statusCode()).as("the file's name is not its contents").isEqualTo(400);
    JsonNode file =
        RawClient.json(client.send("GET", "/__admin/bucket-files", null)).get("files").get(0);
    assertThat(file.get("name").asText()).isEqualTo(filename);
    assertThat(file.get("destinationConf").asText()).isEqualTo("s3://bucket");
    HttpResponse<byte[]> right =
        client.send(
            "POST",
            ownership + "/validate",
            "{\"destination_conf\":\"s3://bucket\",\"ownership_challenge\":\""
                + file.get("contents").asText()
                + "\"}",
            TOKEN);
    assertThat(right.statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(5));
    JsonNode listed = RawClient.json(client.send("GET", ownership, null, TOKEN)).get("result");
    assertThat(listed.get(0).get("status").asText()).isEqualTo("success");
    assertThat(Instant.parse(listed.get(0).get("validated").asText()))
        .isAfter(Instant.parse("2026-11-22T08:00:00Z"));

    String id = created.get("id").asText();
    assertThat(client.send("DELETE", ownership + "/" + id, null, TOKEN).statusCode())
        .isEqualTo(204);
    assertThat(RawClient.json(client.send("GET", ownership, null, TOKEN)).get("result")).isEmpty();
  }

  @Test
  void fullCaptureNeedsAValidatedBucketWhenEnforced() {
    simulator.close();
    simulator =
        PcapSimulator.start(
            SimulatorConfig.defaults().toBuilder().requireValidatedOwnership().build(), clock, 0);
    client = new RawClient(simulator);
    HttpResponse<byte[]> refused = client.send("POST", PCAPS, FULL, TOKEN);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(RawClient.json(refused).get("errors").get(0).get("message").asText())
        .contains("destination_conf");
  }

  @Test
  void unknownRoutesAndAccountsAreRefused() {
    HttpResponse<byte[]> unknown = client.send("GET", "/client/v4/zones", null, TOKEN);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(RawClient.json(unknown).get("errors").get(0).get("code").asInt()).isEqualTo(7003);

    HttpResponse<byte[]> badAccount =
        client.send("GET", "/client/v4/accounts/not-an-account/pcaps", null, TOKEN);
    assertThat(badAccount.statusCode()).isEqualTo(400);
    assertThat(RawClient.json(badAccount).get("errors").get(0).get("code").asInt()).isEqualTo(7003);

    HttpResponse<byte[]> missing =
        client.send("GET", PCAPS + "/00000000000000000000000000000000", null, TOKEN);
    assertThat(missing.statusCode()).isEqualTo(404);
  }
}
