package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PcapsApi} over the JDK {@link HttpClient}. Reads, stops and downloads are retried on every
 * failure that may pass. A create is not idempotent, so it is retried only where the request cannot
 * have made a capture: the connection was never made, or the server answered 429. Any other failure
 * of a create reaches the caller, which settles it from the account's list. Credentials go into
 * headers only, never into messages or logs.
 */
public final class HttpPcapsApi implements PcapsApi {
  private static final Logger LOG = LoggerFactory.getLogger(HttpPcapsApi.class);
  private static final Pattern ID = Pattern.compile("^[A-Za-z0-9]{1,32}$");
  private static final String PCAP_MEDIA_TYPE = "application/vnd.tcpdump.pcap";
  private static final String JSON = "application/json";

  private final String baseUrl;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final Sleeper sleeper;
  private final RequestListener listener;
  private final HttpClient http;
  private final ObjectMapper json;
  private final ResponseErrors errors;

  /**
   * @param baseUrl the API base, up to and including {@code /client/v4}
   * @param requestTimeout timeout of one attempt, connection included
   * @param retryPolicy retries of failures that may pass
   * @param sleeper waits between attempts
   * @param listener told of every attempt
   */
  public HttpPcapsApi(
      String baseUrl,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      Sleeper sleeper,
      RequestListener listener) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.requestTimeout = requestTimeout;
    this.retryPolicy = retryPolicy;
    this.sleeper = sleeper;
    this.listener = listener;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(requestTimeout);
    if (this.baseUrl.startsWith("http://")) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    this.http = builder.build();
    this.json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    this.errors = new ResponseErrors(json, Clock.systemUTC());
  }

  /** A client of {@code baseUrl} with the default timeout (30 s) and retry policy. */
  public static HttpPcapsApi withDefaults(String baseUrl) {
    return new HttpPcapsApi(
        baseUrl,
        Duration.ofSeconds(30),
        RetryPolicy.defaults(),
        Sleeper.real(),
        RequestListener.none());
  }

  @Override
  public Pcap create(Credentials credentials, String accountId, PcapRequest request) {
    byte[] body = write(request);
    return call(
        Operation.CREATE,
        credentials,
        pcapsPath(accountId),
        b -> b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", JSON),
        r -> result(r, Operation.CREATE, Pcap.class));
  }

  @Override
  public Pcap get(Credentials credentials, String accountId, String pcapId) {
    return call(
        Operation.GET,
        credentials,
        pcapsPath(accountId) + "/" + checkId("pcap id", pcapId),
        HttpRequest.Builder::GET,
        r -> result(r, Operation.GET, Pcap.class));
  }

  @Override
  public List<Pcap> list(Credentials credentials, String accountId) {
    return call(
        Operation.LIST,
        credentials,
        pcapsPath(accountId),
        HttpRequest.Builder::GET,
        r -> resultList(r, Operation.LIST, Pcap.class));
  }

  @Override
  public void stop(Credentials credentials, String accountId, String pcapId) {
    call(
        Operation.STOP,
        credentials,
        pcapsPath(accountId) + "/" + checkId("pcap id", pcapId) + "/stop",
        b -> b.PUT(HttpRequest.BodyPublishers.noBody()),
        r -> null);
  }

  @Override
  public byte[] download(Credentials credentials, String accountId, String pcapId) {
    return call(
        Operation.DOWNLOAD,
        credentials,
        pcapsPath(accountId) + "/" + checkId("pcap id", pcapId) + "/download",
        b -> b.GET().setHeader("Accept", PCAP_MEDIA_TYPE),
        HttpResponse::body);
  }

  @Override
  public Ownership createOwnership(
      Credentials credentials, String accountId, String destinationConf) {
    byte[] body = write(Map.of("destination_conf", destinationConf));
    return call(
        Operation.CREATE_OWNERSHIP,
        credentials,
        pcapsPath(accountId) + "/ownership",
        b -> b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", JSON),
        r -> result(r, Operation.CREATE_OWNERSHIP, Ownership.class));
  }

  @Override
  public List<Ownership> listOwnerships(Credentials credentials, String accountId) {
    return call(
        Operation.LIST_OWNERSHIPS,
        credentials,
        pcapsPath(accountId) + "/ownership",
        HttpRequest.Builder::GET,
        r -> resultList(r, Operation.LIST_OWNERSHIPS, Ownership.class));
  }

  @Override
  public Ownership validateOwnership(
      Credentials credentials, String accountId, String destinationConf, String challenge) {
    byte[] body =
        write(Map.of("destination_conf", destinationConf, "ownership_challenge", challenge));
    return call(
        Operation.VALIDATE_OWNERSHIP,
        credentials,
        pcapsPath(accountId) + "/ownership/validate",
        b -> b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", JSON),
        r -> result(r, Operation.VALIDATE_OWNERSHIP, Ownership.class));
  }

  @Override
  public void deleteOwnership(Credentials credentials, String accountId, String ownershipId) {
    call(
        Operation.DELETE_OWNERSHIP,
        credentials,
        pcapsPath(accountId) + "/ownership/" + checkId("ownership id", ownershipId),
        HttpRequest.Builder::DELETE,
        r -> null);
  }

  private <T> T call(
      Operation operation,
      Credentials credentials,
      String path,
      Function<HttpRequest.Builder, HttpRequest.Builder> method,
      Function<HttpResponse<byte[]>, T> onSuccess) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(requestTimeout)
            .header("User-Agent", "pcap-operator")
            .header("Accept", JSON);
    authenticate(builder, credentials, operation.description);
    HttpRequest request = method.apply(builder).build();
    for (int retry = 1; ; retry++) {
      Attempted<T> attempted = attempt(operation, path, request, onSuccess);
      if (attempted.failure() == null) {
        return attempted.result();
      }
      CloudflareApiException failure = attempted.failure();
      Optional<Duration> wait =
          attempted.mayRepeat()
              ? retryPolicy.delayBefore(
                  retry,
                  ((RetryableApiException) failure).retryAfter(),
                  () -> ThreadLocalRandom.current().nextDouble())
              : Optional.empty();
      if (wait.isEmpty()) {
        throw failure;
      }
      LOG.debug(
          "{} {} failed ({}); retry {} in {} ms",
          operation.endpoint,
          path,
          failure.apiMessage(),
          retry,
          wait.get().toMillis());
      try {
        sleeper.sleep(wait.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failure;
      }
    }
  }

  /** One attempt's outcome: its result, or its failure and whether the call may be sent again. */
  private record Attempted<T>(T result, CloudflareApiException failure, boolean mayRepeat) {}

  private <T> Attempted<T> attempt(
      Operation operation,
      String path,
      HttpRequest request,
      Function<HttpResponse<byte[]>, T> onSuccess) {
    long started = System.nanoTime();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      listener.onAttempt(operation.endpoint, response.statusCode(), latency);
      LOG.debug(
          "{} {} -> {} in {} ms",
          operation.endpoint,
          path,
          response.statusCode(),
          latency.toMillis());
      if (response.statusCode() / 100 == 2) {
        return new Attempted<>(onSuccess.apply(response), null, false);
      }
      CloudflareApiException failure =
          errors.map(
              operation.description, response.statusCode(), response.headers(), response.body());
      boolean serverSaysNo =
          response
              .headers()
              .firstValue("x-should-retry")
              .map("false"::equalsIgnoreCase)
              .orElse(false);
      return new Attempted<>(
          null,
          failure,
          failure instanceof RetryableApiException
              && !serverSaysNo
              && (operation.idempotent || response.statusCode() == 429));
    } catch (IOException e) {
      listener.onAttempt(operation.endpoint, 0, Duration.ofNanos(System.nanoTime() - started));
      return new Attempted<>(
          null,
          new RetryableApiException(
              operation.description, 0, List.of(new ApiError(0, ioMessage(e))), null, e),
          operation.idempotent || neverConnected(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetryableApiException(
          operation.description, 0, List.of(new ApiError(0, "interrupted")), null, e);
    }
  }

  private static void authenticate(
      HttpRequest.Builder builder, Credentials credentials, String operation) {
    // The JDK quotes a rejected header value in its exception: refuse bad values first.
    if (!credentials.headerValues().stream().allMatch(HttpPcapsApi::isHeaderSafe)) {
      throw new AuthenticationException(
          operation,
          0,
          List.of(new ApiError(0, "the credentials contain characters not allowed in a header")));
    }
    if (credentials instanceof Credentials.ApiToken token) {
      builder.header("Authorization", "Bearer " + token.token());
    } else if (credentials instanceof Credentials.ApiKey key) {
      builder.header("X-Auth-Email", key.email()).header("X-Auth-Key", key.key());
    }
  }

  private <T> T result(HttpResponse<byte[]> response, Operation operation, Class<T> type) {
    JsonNode result = envelopeResult(response, operation);
    try {
      return json.treeToValue(result, type);
    } catch (JsonProcessingException e) {
      throw malformed(operation, response);
    }
  }

  /** The envelope's result array; none when it is null, as the API may answer an empty list. */
  private <T> List<T> resultList(
      HttpResponse<byte[]> response, Operation operation, Class<T> type) {
    JsonNode result = envelopeResult(response, operation);
    if (result == null || result.isNull()) {
      return List.of();
    }
    try {
      return json.readerForListOf(type).readValue(result);
    } catch (IOException e) {
      throw malformed(operation, response);
    }
  }

  private JsonNode envelopeResult(HttpResponse<byte[]> response, Operation operation) {
    try {
      return json.readTree(response.body()).get("result");
    } catch (IOException e) {
      throw malformed(operation, response);
    }
  }

  private static RetryableApiException malformed(
      Operation operation, HttpResponse<byte[]> response) {
    return new RetryableApiException(
        operation.description,
        response.statusCode(),
        List.of(new ApiError(0, "the response is not the API's JSON envelope")),
        null,
        null);
  }

  private byte[] write(Object request) {
    try {
      return json.writeValueAsBytes(request);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode the request", e);
    }
  }

  private static String pcapsPath(String accountId) {
    return "/accounts/" + checkId("account id", accountId) + "/pcaps";
  }

  private static String checkId(String what, String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(what + " must be 1-32 letters or digits");
    }
    return id;
  }

  private static boolean isHeaderSafe(String value) {
    return !value.isEmpty() && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private static boolean neverConnected(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException || t instanceof HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  private static String ioMessage(IOException e) {
    String kind = neverConnected(e) ? "connection failed" : "no complete response";
    return kind + ": " + e.getClass().getSimpleName();
  }

  /** The API's operations, with what the logs and metrics call them. */
  private enum Operation {
    CREATE("create", "POST /accounts/{account_id}/pcaps", false),
    GET("get", "GET /accounts/{account_id}/pcaps/{pcap_id}", true),
    LIST("list", "GET /accounts/{account_id}/pcaps", true),
    STOP("stop", "PUT /accounts/{account_id}/pcaps/{pcap_id}/stop", true),
    DOWNLOAD("download", "GET /accounts/{account_id}/pcaps/{pcap_id}/download", true),
    CREATE_OWNERSHIP("ownership_create", "POST /accounts/{account_id}/pcaps/ownership", false),
    LIST_OWNERSHIPS("ownership_list", "GET /accounts/{account_id}/pcaps/ownership", true),
    VALIDATE_OWNERSHIP(
        "ownership_validate", "POST /accounts/{account_id}/pcaps/ownership/validate", true),
    DELETE_OWNERSHIP(
        "ownership_delete", "DELETE /accounts/{account_id}/pcaps/ownership/{ownership_id}", true);

    final String endpoint;
    final String description;
    final boolean idempotent;

    Operation(String endpoint, String description, boolean idempotent) {
      this.endpoint = endpoint;
      this.description = description;
      this.idempotent = idempotent;
    }
  }
}
