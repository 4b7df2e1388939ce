package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.proto.KubeProtobuf;
import io.pcapoperator.devcluster.store.ObjectKey;
import io.pcapoperator.devcluster.store.ObjectStore;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Serves the verbs of the resource URLs except watches: get, list, create, update, patch, delete.
 */
public final class ResourceHandler {
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";
  private static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final String JSON_OR_YAML = "application/json, application/yaml";

  private final ObjectStore store;
  private final ObjectWrites writes;
  private final Views views;

  /** Serves objects of {@code store}, written through {@code writes}, answered by {@code views}. */
  public ResourceHandler(ObjectStore store, ObjectWrites writes, Views views) {
    this.store = store;
    this.writes = writes;
    this.views = views;
  }

  /** The answer to {@code request} on {@code route}. */
  public ApiResponse handle(ApiRequest request, ResourceRoute route) {
    ResourceType type = route.type();
    if (BuiltInTypes.isReview(type)) {
      if (!request.method().equals("POST")) {
        throw Statuses.methodNotAllowed(request.method());
      }
      // kubectl auth can-i asks in protobuf; every review is granted, so its spec is not read.
      ObjectNode review =
          request.contentType().equals(KubeProtobuf.MEDIA_TYPE)
              ? Json.MAPPER.createObjectNode()
              : Json.parseObject(request.body(), false);
      return new ApiResponse(201, Reviews.answer(type, review), List.of());
    }
    return switch (request.method()) {
      case "GET" -> route.name() == null ? list(request, route) : get(request, route);
      case "POST" -> create(request, route);
      case "PUT" -> update(request, route);
      case "PATCH" -> patch(request, route);
      case "DELETE" ->
          route.name() == null ? deleteCollection(request, route) : delete(request, route);
      default -> throw Statuses.methodNotAllowed(request.method());
    };
  }

  private ApiResponse get(ApiRequest request, ResourceRoute route) {
    ObjectNode object = store.get(key(route, route.name()));
    if (object == null) {
      throw Statuses.notFound(route.type(), route.name());
    }
    return ApiResponse.ok(views.single(request, route.type(), object));
  }

  private ApiResponse list(ApiRequest request, ResourceRoute route) {
    Predicate<ObjectNode> filter = Selectors.of(route.type(), request);
    ObjectStore.Snapshot snapshot = store.list(route.typeKey(), route.namespace(), filter);
    List<ObjectNode> items = snapshot.items();
    String continueToken = null;
    String token = request.param("continue");
    if (token != null && !token.isEmpty()) {
      String after = ContinueToken.startAfter(token);
      items = items.stream().filter(item -> storageName(item).compareTo(after) > 0).toList();
    }
    long limit = parseLimit(request.param("limit"));
    long remaining = 0;
    if (limit > 0 && items.size() > limit) {
      remaining = items.size() - limit;
      items = items.subList(0, (int) limit);
      continueToken =
          ContinueToken.encode(
              snapshot.resourceVersion(), storageName(items.get(items.size() - 1)));
    }
    String version = Long.toString(snapshot.resourceVersion());
    if (request.wantsTable()) {
      ObjectNode table = views.table(request, route.type(), items, version, true);
      continueMetadata(table, continueToken, remaining);
      return ApiResponse.ok(table);
    }
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", route.type().apiVersion()).put("kind", route.type().listKind());
    list.putObject("metadata").put("resourceVersion", version);
    continueMetadata(list, continueToken, remaining);
    ArrayNode array = list.putArray("items");
    items.forEach(item -> array.add(views.object(route.type(), item)));
    return ApiResponse.ok(list);
  }

  private ApiResponse create(ApiRequest request, ResourceRoute route) {
    if (route.name() != null) {
      throw Statuses.methodNotAllowed("POST");
    }
    WriteOptions options = request.writeOptions();
    ObjectNode body = objectBody(request, route.type());
    ObjectNode created = writes.create(route.type(), route.namespace(), body, options).object();
    return new ApiResponse(201, views.object(route.type(), created), options.warnings());
  }

  private ApiResponse update(ApiRequest request, ResourceRoute route) {
    requireName(request, route);
    ObjectNode body = objectBody(request, route.type());
    WriteOptions options = request.writeOptions();
    ObjectNode updated = write(route, options, current -> body).object();
    return new ApiResponse(200, views.object(route.type(), updated), options.warnings());
  }

  private ApiResponse patch(ApiRequest request, ResourceRoute route) {
    requireName(request, route);
    WriteOptions options = request.writeOptions();
    String contentType = request.contentType();
    boolean custom = route.type().schema() != null;
    if (contentType.equals(APPLY_PATCH)) {
      return apply(request, route, options);
    }
    JsonNode patch = Json.parse(request.body(), false);
    UnaryOperator<ObjectNode> change =
        switch (contentType) {
          case MERGE_PATCH -> current -> asObject(Patches.mergePatch(current, patch));
          case JSON_PATCH -> current -> asObject(Patches.jsonPatch(current, patch));
          case STRATEGIC_PATCH -> {
            if (custom) {
              throw Statuses.unsupportedMediaType(
                  contentType, String.join(", ", JSON_PATCH, MERGE_PATCH, APPLY_PATCH));
            }
            yield current -> asObject(Patches.strategicMergePatch(current, patch));
          }
          default ->
              throw Statuses.unsupportedMediaType(
                  contentType,
                  String.join(", ", JSON_PATCH, MERGE_PATCH, APPLY_PATCH, STRATEGIC_PATCH));
        };
    ObjectNode patched = write(route, options, change).object();
    return new ApiResponse(200, views.object(route.type(), patched), options.warnings());
  }

  /**
   * Server-side apply, approximated: a missing object is created from the applied configuration; an
   * existing one has the configuration merged in. Field ownership is not tracked.
   */
  private ApiResponse apply(ApiRequest request, ResourceRoute route, WriteOptions options) {
    if (request.param("fieldManager") == null || request.param("fieldManager").isEmpty()) {
      throw Statuses.badRequest(
          "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch");
    }
    ObjectNode applied = Json.parseObject(request.body(), true);
    boolean exists = store.get(key(route, route.name())) != null;
    if (!exists && route.subresource() == null) {
      ObjectWrites.metadata(applied).put("name", route.name());
      ObjectNode created =
          writes.create(route.type(), route.namespace(), applied, options).object();
      return new ApiResponse(201, views.object(route.type(), created), options.warnings());
    }
    ObjectWrites.metadata(applied).remove("resourceVersion");
    ObjectNode merged =
        write(route, options, current -> asObject(Patches.mergePatch(current, applied))).object();
    return new ApiResponse(200, views.object(route.type(), merged), options.warnings());
  }

  private ApiResponse delete(ApiRequest request, ResourceRoute route) {
    JsonNode options =
        request.body().length == 0
            ? JsonNodeFactory.instance.objectNode()
            : Json.parse(request.body(), false);
    JsonNode preconditions = options.path("preconditions");
    ObjectWrites.Written written =
        writes.delete(
            route.type(),
            route.namespace(),
            route.name(),
            preconditions.hasNonNull("resourceVersion")
                ? preconditions.get("resourceVersion").asText()
                : null,
            preconditions.hasNonNull("uid") ? preconditions.get("uid").asText() : null,
            "All".equals(request.param("dryRun"))
                || options.path("dryRun").toString().contains("All"));
    if (written.removed() && route.type().schema() == null) {
      return ApiResponse.ok(
          Statuses.success(
              route.type(), route.name(), written.object().path("metadata").path("uid").asText()));
    }
    return ApiResponse.ok(views.object(route.type(), written.object()));
  }

  private ApiResponse deleteCollection(ApiRequest request, ResourceRoute route) {
    Predicate<ObjectNode> filter = Selectors.of(route.type(), request);
    ObjectNode list = JsonNodeFactory.instance.objectNode();
    list.put("apiVersion", route.type().apiVersion()).put("kind", route.type().listKind());
    list.putObject("metadata");
    ArrayNode items = list.putArray("items");
    for (ObjectNode object : store.list(route.typeKey(), route.namespace(), filter).items()) {
      String name = object.path("metadata").path("name").asText();
      try {
        items.add(
            views.object(
                route.type(),
                writes
                    .delete(
                        route.type(),
                        object.path("metadata").path("namespace").asText(""),
                        name,
                        null,
                        null,
                        false)
                    .object()));
      } catch (ApiException gone) {
        if (gone.code() != 404) {
          throw gone;
        }
      }
    }
    return ApiResponse.ok(list);
  }

  private ObjectWrites.Written write(
      ResourceRoute route, WriteOptions options, UnaryOperator<ObjectNode> change) {
    return writes.update(
        route.type(),
        route.namespace(),
        route.name(),
        "status".equals(route.subresource()),
        options,
        change);
  }

  private ObjectKey key(ResourceRoute route, String name) {
    return new ObjectKey(
        route.typeKey(), route.type().namespaced() ? nullToEmpty(route.namespace()) : "", name);
  }

  private static void requireName(ApiRequest request, ResourceRoute route) {
    if (route.name() == null) {
      throw Statuses.methodNotAllowed(request.method());
    }
  }

  /**
   * The object a create or update sends: JSON (also when no content type is given, as kube reads
   * it), YAML, or protobuf for the kinds kubectl sends so; of the URL's API version and kind.
   */
  private static ObjectNode objectBody(ApiRequest request, ResourceType type) {
    ObjectNode body = decodedBody(request);
    BodyType.check(type, body);
    return body;
  }

  private static ObjectNode decodedBody(ApiRequest request) {
    if (request.contentType().equals(KubeProtobuf.MEDIA_TYPE)) {
      try {
        return KubeProtobuf.decode(request.body())
            .orElseThrow(() -> Statuses.unsupportedMediaType(request.contentType(), JSON_OR_YAML));
      } catch (IllegalArgumentException malformed) {
        throw Statuses.badRequest(
            "the protobuf body of the request could not be decoded: " + malformed.getMessage());
      }
    }
    String contentType =
        request.contentType().isEmpty() ? "application/json" : request.contentType();
    List<String> accepted = List.of("application/json", "application/yaml");
    if (!accepted.contains(contentType)) {
      throw Statuses.unsupportedMediaType(contentType, String.join(", ", accepted));
    }
    return Json.parseObject(request.body(), contentType.contains("yaml"));
  }

  private static ObjectNode asObject(JsonNode node) {
    if (!node.isObject()) {
      throw Statuses.badRequest("the patched document is not a JSON object");
    }
    return (ObjectNode) node;
  }

  private static void continueMetadata(ObjectNode list, String token, long remaining) {
    if (token != null) {
      ObjectNode metadata = ObjectWrites.metadata(list);
      metadata.put("continue", token).put("remainingItemCount", remaining);
    }
  }

  private static String storageName(ObjectNode object) {
    return object.path("metadata").path("namespace").asText("")
        + "/"
        + object.path("metadata").path("name").asText();
  }

  private static long parseLimit(String limit) {
    try {
      return limit == null || limit.isEmpty() ? 0 : Long.parseLong(limit);
    } catch (NumberFormatException e) {
      throw Statuses.badRequest("invalid limit: " + limit);
    }
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }
}
