package io.pcapoperator.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pcapoperator.reconcile.CaptureRequests;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpPcapsApiTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final String ID = "66802ca5668e47a2b82c2e6746e45037";
  private static final String SECRET = "SECRET-TOKEN-do-not-leak-42";
  private static final Credentials TOKEN = new Credentials.ApiToken(SECRET);
  private static final String PCAP =
      "{\"id\":\""
          + ID
          + "\",\"type\":\"simple\",\"status\":\"pending\",\"time_limit\":300,"
          + "\"submitted\":\"2026-11-22T08:00:01.269047Z\",\"packets_remaining\":0}";
  private static final PcapRequest REQUEST =
      new PcapRequest(
          "magic-transit",
          "simple",
          300,
          100,
          null,
          null,
          null,
          new PcapFilter(null, "203.0.113.7", null, 443, 6),
          null);

  private final StubServer stub = new StubServer();
  private final List<Duration> sleeps = new ArrayList<>();
  private final HttpPcapsApi api =
      new HttpPcapsApi(
          stub.baseUrl(),
          Duration.ofSeconds(5),
          new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(10)),
          sleeps::add,
          RequestListener.none());

  @AfterEach
  void stop() {
    stub.close();
  }

  @Test
  void createPostsTheRequestInTheApisShape() {
    stub.reply(200, StubServer.ok(PCAP));

    Pcap created = api.create(TOKEN, ACCOUNT, REQUEST);

    assertThat(created.id()).isEqualTo(ID);
    assertThat(created.status()).isEqualTo("pending");
    StubServer.Recorded sent = stub.requests().get(0);
    assertThat(sent.method()).isEqualTo("POST");
    assertThat(sent.path()).isEqualTo("/client/v4/accounts/" + ACCOUNT + "/pcaps");
    assertThat(sent.header("Authorization")).isEqualTo("Bearer " + SECRET);
    assertThat(sent.header("Content-Type")).isEqualTo("application/json");
    assertThat(sent.body())
        .isEqualTo(
            "{\"system\":\"magic-transit\",\"type\":\"simple\",\"time_limit\":300,"
                + "\"packet_limit\":100,\"filter_v1\":{\"destination_address\":\"203.0.113.7\","
                + "\"destination_port\":443,\"protocol\":6}}");
  }

  @Test
  void readsGetListStopAndDownloadFromTheirEndpoints() {
    stub.reply(200, StubServer.ok(PCAP))
        .reply(200, StubServer.ok("[" + PCAP + "," + PCAP + "]"))
        .reply(204, "")
        .reply(200, "PCAPBYTES", "Content-Type", "application/vnd.tcpdump.pcap");
    Credentials key = new Credentials.ApiKey("ops@example.com", "global-key");

    assertThat(api.get(key, ACCOUNT, ID).submitted()).isEqualTo("2026-11-22T08:00:01.269047Z");
    assertThat(api.list(key, ACCOUNT)).hasSize(2);
    api.stop(key, ACCOUNT, ID);
    assertThat(new String(api.download(key, ACCOUNT, ID))).isEqualTo("PCAPBYTES");

    List<StubServer.Recorded> sent = stub.requests();
    String base = "/client/v4/accounts/" + ACCOUNT + "/pcaps";
    assertThat(sent)
        .extracting(r -> r.method() + " " + r.path())
        .containsExactly(
            "GET " + base + "/" + ID,
            "GET " + base,
            "PUT " + base + "/" + ID + "/stop",
            "GET " + base + "/" + ID + "/download");
    assertThat(sent.get(0).header("X-Auth-Email")).isEqualTo("ops@example.com");
    assertThat(sent.get(0).header("X-Auth-Key")).isEqualTo("global-key");
    assertThat(sent.get(0).header("Authorization")).isNull();
    assertThat(sent.get(3).header("Accept")).isEqualTo("application/vnd.tcpdump.pcap");
  }

  @Test
  void emptyListResultIsAnEmptyList() {
    stub.reply(200, StubServer.ok("null"));
    assertThat(api.list(TOKEN, ACCOUNT)).isEmpty();
  }

  @Test
  void validationErrorIsTerminalAndCarriesTheApisMessage() {
    stub.reply(400, StubServer.error(1002, "time_limit must be between 1 and 300"));

    TerminalApiException e =
        catchThrowableOfType(TerminalApiException.class, () -> api.create(TOKEN, ACCOUNT, REQUEST));

    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.apiMessage()).isEqualTo("time_limit must be between 1 and 300");
    assertThat(e.getMessage())
        .isEqualTo(
            "POST /accounts/{account_id}/pcaps failed with HTTP 400 [1002 time_limit must be"
                + " between 1 and 300]");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void notFoundIsTerminal() {
    stub.reply(404, StubServer.error(1003, "not found"));
    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, ID))
        .isInstanceOf(TerminalApiException.class)
        .hasMessageContaining("HTTP 404");
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void rejectedCredentialsAndMalformedHeadersAreAuthenticationErrors() {
    stub.reply(403, StubServer.error(10000, "Authentication error"))
        .reply(400, StubServer.error(6003, "Invalid request headers"));

    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, ID))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("10000 Authentication error");
    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, ID))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("6003");
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void rateLimitedReadWaitsTheAdvertisedTimeThenSucceeds() {
    stub.reply(429, StubServer.error(971, "Please wait"), "retry-after", "3")
        .reply(200, StubServer.ok(PCAP));

    assertThat(api.get(TOKEN, ACCOUNT, ID).id()).isEqualTo(ID);
    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void retryAfterLongerThanTheInlineLimitEndsTheCallWithTheWait() {
    stub.reply(429, StubServer.error(971, "Please wait"), "retry-after", "300");

    RetryableApiException e =
        catchThrowableOfType(RetryableApiException.class, () -> api.get(TOKEN, ACCOUNT, ID));

    assertThat(e.isRateLimited()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(300));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void serverErrorsOnReadsAreRetriedWithGrowingBackoffThenReported() {
    for (int i = 0; i < 4; i++) {
      stub.reply(503, StubServer.error(1000, "unavailable"));
    }

    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, ID))
        .isInstanceOf(RetryableApiException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(stub.requests()).hasSize(4);
    assertThat(sleeps).hasSize(3);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(75), Duration.ofMillis(100));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(150), Duration.ofMillis(200));
    assertThat(sleeps.get(2)).isBetween(Duration.ofMillis(300), Duration.ofMillis(400));
  }

  @Test
  void createIsNotRepeatedAfterAnAnswerThatMayHaveMadeACapture() {
    stub.reply(500, StubServer.error(1000, "internal error")).reply(200, StubServer.ok(PCAP));

    assertThatThrownBy(() -> api.create(TOKEN, ACCOUNT, REQUEST))
        .isInstanceOf(RetryableApiException.class);
    assertThat(stub.requests()).hasSize(1);
  }

  @Test
  void createIsRepeatedAfterARateLimitThatMadeNoCapture() {
    stub.reply(429, StubServer.error(971, "Please wait"), "retry-after", "1")
        .reply(200, StubServer.ok(PCAP));

    assertThat(api.create(TOKEN, ACCOUNT, REQUEST).id()).isEqualTo(ID);
    assertThat(stub.requests()).hasSize(2);
  }

  @Test
  void shouldRetryHeaderOverridesTheStatus() {
    stub.reply(503, StubServer.error(1000, "no"), "x-should-retry", "false");
    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, ID)).isInstanceOf(RetryableApiException.class);
    assertThat(stub.requests()).hasSize(1);

    stub.reply(400, StubServer.error(1000, "try again"), "x-should-retry", "true")
        .reply(200, StubServer.ok(PCAP));
    assertThat(api.get(TOKEN, ACCOUNT, ID).id()).isEqualTo(ID);
    assertThat(stub.requests()).hasSize(3);
  }

  @Test
  void bodyThatIsNotJsonStillGivesAClearError() {
    stub.reply(502, "<html>Bad gateway</html>").reply(502, "<html>Bad gateway</html>");
    HttpPcapsApi noRetries =
        new HttpPcapsApi(
            stub.baseUrl(),
            Duration.ofSeconds(5),
            RetryPolicy.none(),
            sleeps::add,
            RequestListener.none());

    RetryableApiException e =
        catchThrowableOfType(RetryableApiException.class, () -> noRetries.get(TOKEN, ACCOUNT, ID));

    assertThat(e.apiMessage()).isEqualTo("HTTP 502");
    assertThat(e.errors()).isEmpty();
  }

  @Test
  void refusedConnectionIsRetryableAndSafeToRepeatEvenForCreate() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    HttpPcapsApi unreachable =
        new HttpPcapsApi(
            "http://127.0.0.1:" + closedPort + "/client/v4",
            Duration.ofSeconds(2),
            new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO),
            sleeps::add,
            RequestListener.none());

    RetryableApiException e =
        catchThrowableOfType(
            RetryableApiException.class, () -> unreachable.create(TOKEN, ACCOUNT, REQUEST));

    assertThat(e.httpStatus()).isZero();
    assertThat(e.apiMessage()).startsWith("connection failed");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void listenerHearsEveryAttempt() {
    List<String> heard = new ArrayList<>();
    HttpPcapsApi listened =
        new HttpPcapsApi(
            stub.baseUrl(),
            Duration.ofSeconds(5),
            new RetryPolicy(3, Duration.ZERO, Duration.ZERO, Duration.ZERO),
            sleeps::add,
            (endpoint, status, latency) -> heard.add(endpoint + " " + status));
    stub.reply(503, StubServer.error(1000, "x")).reply(200, StubServer.ok(PCAP));

    listened.get(TOKEN, ACCOUNT, ID);

    assertThat(heard).containsExactly("get 503", "get 200");
  }

  @Test
  void malformedIdsAreRefusedBeforeAnyRequest() {
    assertThatThrownBy(() -> api.get(TOKEN, ACCOUNT, "../../zones"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pcap id must be 1-32 letters or digits");
    assertThatThrownBy(() -> api.list(TOKEN, "acct/../x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void credentialsThatCannotBeAHeaderAreRefusedWithoutQuotingThem() {
    Credentials broken = new Credentials.ApiToken("tok\u0000" + SECRET);

    AuthenticationException e =
        catchThrowableOfType(AuthenticationException.class, () -> api.get(broken, ACCOUNT, ID));

    assertThat(e.getMessage()).doesNotContain(SECRET).contains("not allowed in a header");
    assertThat(stub.requests()).isEmpty();
  }

  @Test
  void credentialsNeverAppearInAnyFailure() throws IOException {
    stub.reply(403, StubServer.error(10000, "Authentication error"))
        .reply(400, StubServer.error(1002, "bad"))
        .reply(500, "oops");
    List<Throwable> failures = new ArrayList<>();
    for (Runnable call :
        List.<Runnable>of(
            () -> api.get(TOKEN, ACCOUNT, ID),
            () -> api.create(TOKEN, ACCOUNT, REQUEST),
            () -> api.create(TOKEN, ACCOUNT, REQUEST))) {
      try {
        call.run();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try {
      new HttpPcapsApi(
              "http://127.0.0.1:" + closedPort + "/client/v4",
              Duration.ofSeconds(1),
              RetryPolicy.none(),
              sleeps::add,
              RequestListener.none())
          .get(TOKEN, ACCOUNT, ID);
    } catch (RuntimeException e) {
      failures.add(e);
    }

    assertThat(failures).hasSize(4);
    for (Throwable failure : failures) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t.getMessage())).doesNotContain(SECRET);
        assertThat(t.toString()).doesNotContain(SECRET);
      }
    }
    assertThat(TOKEN.toString()).doesNotContain(SECRET);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"full-capture-as-documented.json", "full-capture-as-the-sdks-type-it.json"})
  void readsAFullCaptureWhetherItsColoComesAsColoOrColoName(String example) throws IOException {
    String body;
    try (InputStream in = getClass().getResourceAsStream("/cloudflare/" + example)) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    stub.reply(200, body);

    Pcap full = api.get(TOKEN, ACCOUNT, ID);

    assertThat(full.coloName()).isEqualTo("ORD");
    assertThat(full.destinationConf()).isEqualTo("gs://example-bucket/captures");
    assertThat(full.byteLimit()).isEqualTo(500_000L);
    assertThat(full.filterV1()).isEqualTo(new PcapFilter("1.2.3.4", null, null, null, 6));
    assertThat(
            CaptureRequests.sameRequest(
                new PcapRequest(
                    "magic-transit",
                    "full",
                    300,
                    null,
                    500_000L,
                    "ORD",
                    "gs://example-bucket/captures",
                    new PcapFilter("1.2.3.4", null, null, null, 6),
                    null),
                full))
        .as("a lost create of this request is matched by adoption")
        .isTrue();
  }
}
