package io.pcapoperator.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.pcapoperator.cloudflare.Pcap;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simulator of the Cloudflare Magic Transit PCAPs API on 127.0.0.1: every endpoint under {@code
 * /client/v4/accounts/{account_id}/pcaps}, the response envelope, both authentication schemes,
 * field validation, the capture lifecycle on an injected clock, the per-account rules, the
 * per-credential request budget, libpcap downloads, and fault injection. Admin endpoints under
 * {@code /__admin/} (no authentication) expose statistics, captures and faults.
 */
public final class PcapSimulator implements AutoCloseable {
  static {
    // The JDK server otherwise answers small responses only after a delayed ACK (about 40 ms).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  /** The path prefix of the API, as in {@code https://api.cloudflare.com/client/v4}. */
  public static final String API_PREFIX = "/client/v4";

  private static final Pattern ROUTE =
      Pattern.compile("^" + API_PREFIX + "/accounts/([^/]+)/pcaps(/.*)?$");
  private static final Pattern ACCOUNT_ID = Pattern.compile("^[0-9a-f]{32}$");
  private static final int NO_ROUTE = 7003;

  private final HttpServer server;
  private final ExecutorService executor;
  private final ObjectMapper json = new ObjectMapper();
  private final Clock clock;
  private final Faults faults;
  private final SimulatorStats stats = new SimulatorStats();
  private final Authenticator authenticator;
  private final RequestBudget budget;
  private final RequestValidator validator;
  private final CaptureStore captures;
  private final Ownerships ownerships;
  private final FullCaptureFiles files;
  private final AdminApi admin;

  private PcapSimulator(HttpServer server, SimulatorConfig config, Clock clock, long seed) {
    this.server = server;
    this.clock = clock;
    this.faults = new Faults(seed);
    this.authenticator = new Authenticator(config);
    this.budget =
        new RequestBudget(config.budgetRequests(), config.budgetWindow(), config.lockout(), clock);
    this.validator = new RequestValidator(config, clock, true);
    this.ownerships = new Ownerships(clock, config.ownershipValidationDelay(), faults);
    this.captures = new CaptureStore(config, clock, faults, ownerships);
    this.files = new FullCaptureFiles(captures, clock);
    this.admin = new AdminApi(json, stats, faults, captures, ownerships);
    this.executor = Executors.newFixedThreadPool(8, r -> daemon(r, "pcap-simulator"));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
  }

  /** Starts a simulator on 127.0.0.1 and {@code port} (0 for any free port). */
  public static PcapSimulator start(SimulatorConfig config, Clock clock, int port) {
    return start(config, clock, port, 42);
  }

  /** As {@link #start(SimulatorConfig, Clock, int)}, its random faults drawn from {@code seed}. */
  public static PcapSimulator start(SimulatorConfig config, Clock clock, int port, long seed) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
      PcapSimulator simulator = new PcapSimulator(server, config, clock, seed);
      server.start();
      return simulator;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the simulator on port " + port, e);
    }
  }

  /** The port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL to give a client, e.g. {@code http://127.0.0.1:PORT/client/v4}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port() + API_PREFIX;
  }

  /** The request counts so far. */
  public SimulatorStats stats() {
    return stats;
  }

  /** The faults to inject; changes apply to the next request. */
  public Faults faults() {
    return faults;
  }

  /** Every capture of every account, oldest first, as the API would show it now. */
  public List<Pcap> captures() {
    return captures.all();
  }

  /** When capture {@code id} reached, or will reach, its terminal status on the simulator clock. */
  public Optional<Instant> finishedAt(String id) {
    return captures.finishedAt(id);
  }

  /**
   * From now on, writes the file of each full capture that succeeds ({@code pcap_<id>.pcap}), and
   * each ownership challenge file, into its bucket with {@code writer}, when the writer reaches
   * that bucket; the writer is closed with the simulator.
   */
  public void writeBucketsWith(BucketWriter writer) {
    files.writeWith(writer);
    ownerships.writeChallengesWith(writer);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    files.close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      if (path.startsWith(AdminApi.PREFIX)) {
        respond(exchange, admin.handle(exchange.getRequestMethod(), path, readBody(exchange)));
        return;
      }
      sleep(faults.latency());
      Matcher route = ROUTE.matcher(path);
      String endpoint =
          route.matches() ? endpoint(exchange.getRequestMethod(), route.group(2)) : null;
      Answer answer;
      if (endpoint == null) {
        answer = Answer.error(new SimulatorError(404, NO_ROUTE, "No route for the URI"));
        stats.record("unknown", answer.status());
      } else {
        answer = serve(exchange, endpoint, route.group(1), route.group(2));
        stats.record(endpoint, answer.status());
      }
      respond(exchange, answer);
    }
  }

  private Answer serve(HttpExchange exchange, String endpoint, String account, String rest) {
    try {
      String credential = authenticator.authenticate(exchange.getRequestHeaders());
      RequestBudget.Remaining remaining = budget.charge(credential);
      Optional<Faults.Forced> fault = faults.nextError();
      Answer answer =
          fault.isPresent() ? Answer.forced(fault.get()) : route(exchange, endpoint, account, rest);
      return answer.withRateLimit(remaining);
    } catch (SimulatorError e) {
      return Answer.error(e);
    } catch (IOException e) {
      return Answer.error(new SimulatorError(400, 1002, "the request body cannot be read"));
    }
  }

  private Answer route(HttpExchange exchange, String endpoint, String account, String rest)
      throws IOException {
    if (!ACCOUNT_ID.matcher(account).matches()) {
      throw new SimulatorError(
          400,
          NO_ROUTE,
          "Could not route to "
              + exchange.getRequestURI().getPath()
              + ", perhaps your object"
              + " identifier is invalid?");
    }
    String[] parts = rest == null ? new String[0] : rest.substring(1).split("/");
    return switch (endpoint) {
      case "create" -> {
        Pcap created = captures.create(account, validator.validate(readJson(exchange)));
        if (faults.takeLostCreateAnswer()) {
          yield Answer.error(new SimulatorError(502, 1000, "Bad gateway"));
        }
        yield Answer.ok(json.valueToTree(created));
      }
      case "list" -> {
        CaptureStore.Page page = captures.list(account);
        files.writeSucceeded();
        yield Answer.page(json.valueToTree(page.items()), page.totalCount());
      }
      case "get" -> {
        Pcap pcap = captures.get(account, parts[0]);
        files.writeSucceeded();
        yield Answer.ok(json.valueToTree(pcap));
      }
      case "stop" -> {
        captures.stop(account, parts[0]);
        yield Answer.noContent();
      }
      case "download" -> Answer.pcap(captures.download(account, parts[0]));
      case "ownership_create" -> {
        JsonNode body = readJson(exchange);
        yield Answer.ok(
            json.valueToTree(
                ownerships.create(account, body.path("destination_conf").asText(null))));
      }
      case "ownership_list" -> Answer.ok(json.valueToTree(ownerships.list(account)));
      case "ownership_delete" -> {
        ownerships.delete(account, parts[1]);
        yield Answer.noContent();
      }
      case "ownership_validate" -> {
        JsonNode body = readJson(exchange);
        yield Answer.ok(
            json.valueToTree(
                ownerships.validate(
                    account,
                    body.path("destination_conf").asText(null),
                    body.path("ownership_challenge").asText(null))));
      }
      default -> throw new IllegalStateException("unrouted endpoint " + endpoint);
    };
  }

  /** The endpoint a method and sub-path name, or null when there is no such route. */
  private static String endpoint(String method, String rest) {
    String[] parts =
        rest == null || rest.equals("/") ? new String[0] : rest.substring(1).split("/");
    boolean id = parts.length >= 1 && parts[0].matches("^[0-9a-f]{32}$");
    return switch (parts.length) {
      case 0 -> "POST".equals(method) ? "create" : "GET".equals(method) ? "list" : null;
      case 1 ->
          "ownership".equals(parts[0])
              ? ("POST".equals(method)
                  ? "ownership_create"
                  : "GET".equals(method) ? "ownership_list" : null)
              : "GET".equals(method) ? "get" : null;
      case 2 -> {
        if ("ownership".equals(parts[0])) {
          yield "validate".equals(parts[1])
              ? ("POST".equals(method) ? "ownership_validate" : null)
              : ("DELETE".equals(method) ? "ownership_delete" : null);
        }
        if (!id) {
          yield null;
        }
        yield "stop".equals(parts[1]) && "PUT".equals(method)
            ? "stop"
            : "download".equals(parts[1]) && "GET".equals(method) ? "download" : null;
      }
      default -> null;
    };
  }

  private JsonNode readJson(HttpExchange exchange) throws IOException {
    byte[] body = readBody(exchange);
    if (body.length == 0) {
      throw new SimulatorError(400, 1002, "the request body must be a JSON object");
    }
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new SimulatorError(400, 1002, "the request body is not valid JSON");
    }
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  private void respond(HttpExchange exchange, Answer answer) throws IOException {
    answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    byte[] body;
    if (answer.binary() != null) {
      exchange.getResponseHeaders().add("Content-Type", "application/vnd.tcpdump.pcap");
      body = answer.binary();
    } else if (answer.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
      return;
    } else {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      body = json.writeValueAsBytes(envelope(answer));
    }
    exchange.sendResponseHeaders(answer.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private ObjectNode envelope(Answer answer) {
    if (answer.raw() != null) {
      return answer.raw();
    }
    ObjectNode root = json.createObjectNode();
    boolean success = answer.error() == null;
    root.put("success", success);
    ArrayNode errors = root.putArray("errors");
    if (!success) {
      ObjectNode error = errors.addObject();
      error.put("code", answer.error().code());
      error.put("message", answer.error().getMessage());
      if (answer.errorChain() != null) {
        error.set("error_chain", json.valueToTree(answer.errorChain()));
      }
    }
    root.putArray("messages");
    root.set("result", success ? answer.result() : null);
    if (success && answer.result() != null && answer.result().isArray()) {
      ObjectNode info = root.putObject("result_info");
      info.put("page", 1);
      info.put("per_page", 50);
      info.put("count", answer.result().size());
      info.put(
          "total_count",
          answer.totalCount() == null ? answer.result().size() : answer.totalCount());
    }
    return root;
  }

  private static void sleep(Duration wait) {
    if (wait.isZero()) {
      return;
    }
    try {
      TimeUnit.MILLISECONDS.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
