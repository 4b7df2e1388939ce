package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.TypeRegistry;
import io.pcapoperator.devcluster.proto.OpenApiV2Protobuf;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded API's single HTTP handler: version, health, discovery, OpenAPI (v3 as JSON, v2 as
 * protobuf or JSON), resources and watches. Errors become kube {@code Status} answers. Nothing is
 * kept per request.
 */
public final class ApiHandler implements HttpHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

  private final TypeRegistry registry;
  private final Discovery discovery;
  private final ResourceHandler resources;
  private final WatchStream watches;
  private final OpenApiView openApi;
  private final String serverAddress;

  /** A handler over the given parts; {@code serverAddress} is {@code host:port} for discovery. */
  public ApiHandler(
      TypeRegistry registry,
      ResourceHandler resources,
      WatchStream watches,
      OpenApiView openApi,
      String serverAddress) {
    this.registry = registry;
    this.discovery = new Discovery(registry);
    this.resources = resources;
    this.watches = watches;
    this.openApi = openApi;
    this.serverAddress = serverAddress;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiRequest request;
      try {
        request = ApiRequest.read(exchange);
      } catch (ApiException refused) {
        respond(exchange, new ApiResponse(refused.code(), refused.status(), List.of()));
        return;
      }
      try {
        Optional<ResourceRoute> route = ResourceRoute.parse(request.segments(), registry);
        if (request.websocket()) {
          respond(exchange, ApiResponse.ok(Statuses.noWebSockets()));
          return;
        }
        if (route.isPresent()
            && BuiltInTypes.isReadOnly(route.get().type())
            && !request.method().equals("GET")) {
          throw Statuses.methodNotAllowed(request.method());
        }
        if (route.isEmpty() && isOpenApiV2(request)) {
          serveOpenApiV2(exchange, request);
          return;
        }
        if (route.isPresent() && isWatch(request, route.get())) {
          watches.serve(exchange, request, route.get());
          return;
        }
        ApiResponse response =
            route.isPresent() ? resources.handle(request, route.get()) : nonResource(request);
        respond(exchange, response);
      } catch (ApiException refused) {
        respond(exchange, new ApiResponse(refused.code(), refused.status(), List.of()));
      } catch (RuntimeException bug) {
        LOG.error(
            "embedded API failed on {} {}",
            request.method(),
            exchange.getRequestURI().getPath(),
            bug);
        ObjectNode status = Statuses.badRequest("internal error: " + bug).status();
        status.put("code", 500).put("reason", "InternalError");
        respond(exchange, new ApiResponse(500, status, List.of()));
      }
    }
  }

  private static boolean isWatch(ApiRequest request, ResourceRoute route) {
    return request.method().equals("GET") && request.flag("watch");
  }

  private static boolean isOpenApiV2(ApiRequest request) {
    return request.method().equals("GET") && request.segments().equals(List.of("openapi", "v2"));
  }

  /** The v2 document as protobuf when asked for it (kubectl always is), as JSON otherwise. */
  private void serveOpenApiV2(HttpExchange exchange, ApiRequest request) throws IOException {
    ObjectNode swagger = openApi.swagger(registry.all());
    if (!request.accept().contains(OpenApiV2Protobuf.ACCEPTED)) {
      respond(exchange, ApiResponse.ok(swagger));
      return;
    }
    byte[] body = OpenApiV2Protobuf.encode(swagger);
    exchange.getResponseHeaders().set("Content-Type", OpenApiV2Protobuf.MEDIA_TYPE);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private ApiResponse nonResource(ApiRequest request) {
    if (!request.method().equals("GET")) {
      throw Statuses.pathNotFound();
    }
    List<String> s = request.segments();
    String path = String.join("/", s);
    return switch (path) {
      case "version" -> ApiResponse.ok(version());
      case "healthz", "livez", "readyz" -> ApiResponse.ok(JsonNodeFactory.instance.textNode("ok"));
      case "api" -> ApiResponse.ok(discovery.coreVersions(serverAddress));
      case "apis" -> ApiResponse.ok(discovery.groups());
      case "openapi/v3" -> ApiResponse.ok(openApi.index(registry.all()));
      default -> ApiResponse.ok(discoveryOrOpenApi(s, path));
    };
  }

  private ObjectNode discoveryOrOpenApi(List<String> s, String path) {
    Optional<ObjectNode> answer = Optional.empty();
    if (s.size() == 2 && s.get(0).equals("api")) {
      answer = discovery.resources("", s.get(1));
    } else if (s.size() == 2 && s.get(0).equals("apis")) {
      answer = discovery.group(s.get(1));
    } else if (s.size() == 3 && s.get(0).equals("apis")) {
      answer = discovery.resources(s.get(1), s.get(2));
    } else if (path.startsWith("openapi/v3/")) {
      answer = openApi.document(registry.all(), path.substring("openapi/v3/".length()));
    }
    return answer.orElseThrow(Statuses::pathNotFound);
  }

  private static ObjectNode version() {
    ObjectNode version = JsonNodeFactory.instance.objectNode();
    version
        .put("major", "1")
        .put("minor", "32")
        .put("gitVersion", "v1.32.0-pcap-operator-embedded")
        .put("gitCommit", "")
        .put("gitTreeState", "clean")
        .put("buildDate", "2026-01-01T00:00:00Z")
        .put("goVersion", "java" + Runtime.version().feature())
        .put("compiler", "javac")
        .put(
            "platform",
            System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT)
                + "/"
                + System.getProperty("os.arch"));
    return version;
  }

  private static void respond(HttpExchange exchange, ApiResponse response) throws IOException {
    byte[] body =
        response.body().isTextual()
            ? response.body().asText().getBytes(StandardCharsets.UTF_8)
            : Json.bytes(response.body());
    exchange
        .getResponseHeaders()
        .set(
            "Content-Type",
            response.body().isTextual() ? "text/plain; charset=utf-8" : "application/json");
    for (String warning : response.warnings()) {
      exchange
          .getResponseHeaders()
          .add("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
    }
    exchange.sendResponseHeaders(response.code(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
