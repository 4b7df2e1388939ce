package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kube {@code Status} objects the embedded API answers with, worded as kube-apiserver words
 * them.
 */
public final class Statuses {
  private Statuses() {}

  /** 404 for a missing object. */
  public static ApiException notFound(ResourceType type, String name) {
    return failure(
        404, "NotFound", type.qualifiedPlural() + " \"" + name + "\" not found", type, name);
  }

  /** 404 for a URL the server does not serve. */
  public static ApiException pathNotFound() {
    return failure(404, "NotFound", "the server could not find the requested resource", null, null);
  }

  /** 409 for a create of an existing name. */
  public static ApiException alreadyExists(ResourceType type, String name) {
    return failure(
        409,
        "AlreadyExists",
        type.qualifiedPlural() + " \"" + name + "\" already exists",
        type,
        name);
  }

  /** 409 for a write based on a stale resource version. */
  public static ApiException conflict(ResourceType type, String name) {
    return failure(
        409,
        "Conflict",
        "Operation cannot be fulfilled on "
            + type.qualifiedPlural()
            + " \""
            + name
            + "\": the object has been modified; please apply your changes to the latest version"
            + " and try again",
        type,
        name);
  }

  /** 400 with a message. */
  public static ApiException badRequest(String message) {
    return failure(400, "BadRequest", message, null, null);
  }

  /** 413 for a request body over kube-apiserver's limit. */
  public static ApiException requestEntityTooLarge(long limit) {
    return failure(
        413, "RequestEntityTooLarge", "Request entity too large: limit is " + limit, null, null);
  }

  /**
   * What kube answers when etcd refuses an object over its request limit: a 500 with etcd's message
   * and no reason, as kube-apiserver passes on an error it does not know.
   */
  public static ApiException storageRequestTooLarge() {
    ObjectNode status = base();
    status.put("status", "Failure").put("message", "etcdserver: request is too large");
    status.put("code", 500);
    return new ApiException(status);
  }

  /** 422 for a JSON patch that does not apply to the object. */
  public static ApiException invalidPatch(String message) {
    return failure(
        422,
        "Invalid",
        "the server rejected our request due to an error in our request: " + message,
        null,
        null);
  }

  /**
   * The answer to a WebSocket upgrade: a 200 without the upgrade, as {@code kubectl proxy} gives,
   * which the fabric8 client takes as the cue to watch over plain HTTP instead (a 5xx would make it
   * retry first).
   */
  public static ObjectNode noWebSockets() {
    ObjectNode status = base();
    status
        .put("status", "Failure")
        .put("message", "WebSocket watches are not served here; watch over HTTP instead")
        .put("reason", "BadRequest")
        .put("code", 200);
    return status;
  }

  /** 405 for a verb the resource does not support. */
  public static ApiException methodNotAllowed(String method) {
    return failure(
        405,
        "MethodNotAllowed",
        "the server does not allow this method on the requested resource: " + method,
        null,
        null);
  }

  /** 415 for a body in a format the server does not read. */
  public static ApiException unsupportedMediaType(String contentType, String accepted) {
    return failure(
        415,
        "UnsupportedMediaType",
        "the body of the request was in an unknown format - accepted media types include: "
            + accepted,
        null,
        null);
  }

  /** 410 for a watch that asked for a version older than the history. */
  public static ObjectNode expired(String message) {
    return failure(410, "Expired", message, null, null).status();
  }

  /** 403 for a write into a namespace that is being deleted, or similar refusals. */
  public static ApiException forbidden(ResourceType type, String name, String why) {
    return failure(
        403,
        "Forbidden",
        type.qualifiedPlural() + " \"" + name + "\" is forbidden: " + why,
        type,
        name);
  }

  /** 422 for an object that breaks a rule of the server itself (names, immutable fields). */
  public static ApiException invalid(ResourceType type, String name, String field, String detail) {
    return invalid(type, name, List.of(new StatusCause("FieldValueInvalid", detail, field)));
  }

  /**
   * 422 for an object with the field errors {@code causes}: kube's message names the object and
   * joins the distinct causes, {@code [a, b]} when there are several.
   */
  public static ApiException invalid(ResourceType type, String name, List<StatusCause> causes) {
    Set<String> distinct = new LinkedHashSet<>();
    causes.forEach(cause -> distinct.add(cause.toString()));
    String joined =
        distinct.size() == 1 ? distinct.iterator().next() : "[" + String.join(", ", distinct) + "]";
    String qualifiedKind = type.kind() + (type.group().isEmpty() ? "" : "." + type.group());
    ObjectNode status = base();
    status
        .put("status", "Failure")
        .put("message", qualifiedKind + " \"" + name + "\" is invalid: " + joined)
        .put("reason", "Invalid");
    ObjectNode details = status.putObject("details").put("name", name);
    details.put("group", type.group()).put("kind", type.kind());
    ArrayNode causeArray = details.putArray("causes");
    for (StatusCause cause : causes) {
      causeArray
          .addObject()
          .put("reason", cause.reason())
          .put("message", cause.message())
          .put("field", cause.field());
    }
    status.put("code", 422);
    return new ApiException(status);
  }

  /** A success Status, as some deletions answer. */
  public static ObjectNode success(ResourceType type, String name, String uid) {
    ObjectNode status = base();
    status.put("status", "Success");
    ObjectNode details = status.putObject("details").put("name", name);
    details.put("group", type.group()).put("kind", type.plural()).put("uid", uid);
    return status;
  }

  private static ApiException failure(
      int code, String reason, String message, ResourceType type, String name) {
    ObjectNode status = base();
    status.put("status", "Failure").put("message", message).put("reason", reason);
    if (type != null) {
      ObjectNode details = status.putObject("details").put("name", name);
      details.put("group", type.group()).put("kind", type.plural());
    }
    status.put("code", code);
    return new ApiException(status);
  }

  private static ObjectNode base() {
    ObjectNode status = JsonNodeFactory.instance.objectNode();
    status.put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    return status;
  }
}
