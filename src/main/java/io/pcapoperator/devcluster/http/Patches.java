package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The patch formats of the Kubernetes API, applied to a copy of an object: JSON merge patch (RFC
 * 7386: objects merge, arrays are replaced, {@code null} deletes), JSON patch (RFC 6902), and the
 * strategic merge patch and server-side apply approximated by a merge (see the README for what
 * differs from kube).
 */
public final class Patches {
  private Patches() {}

  /** RFC 7386: the result of merging {@code patch} into {@code target}; neither is modified. */
  public static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch.deepCopy();
    }
    ObjectNode result =
        target != null && target.isObject()
            ? ((ObjectNode) target).deepCopy()
            : ((ObjectNode) patch).objectNode();
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      if (field.getValue().isNull()) {
        result.remove(field.getKey());
      } else {
        result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
      }
    }
    return result;
  }

  /**
   * A strategic merge patch read as a merge patch: the {@code $patch}, {@code $retainKeys}, {@code
   * $setElementOrder} and {@code $deleteFromPrimitiveList} directives are dropped and lists are
   * replaced, not merged by key.
   */
  public static JsonNode strategicMergePatch(JsonNode target, JsonNode patch) {
    return mergePatch(target, withoutDirectives(patch));
  }

  /** RFC 6902: the result of {@code operations} on a copy of {@code target}. */
  public static JsonNode jsonPatch(JsonNode target, JsonNode operations) {
    if (!operations.isArray()) {
      throw Statuses.badRequest(
          "json: cannot unmarshal object into Go value of type jsonpatch.Patch");
    }
    JsonNode document = target.deepCopy();
    for (JsonNode operation : operations) {
      document = applyOperation(document, operation);
    }
    return document;
  }

  private static JsonNode applyOperation(JsonNode document, JsonNode operation) {
    String op = operation.path("op").asText();
    List<String> path = pointer(operation.path("path").asText());
    switch (op) {
      case "add" -> {
        return add(document, path, operation.path("value").deepCopy());
      }
      case "remove" -> {
        remove(document, path);
        return document;
      }
      case "replace" -> {
        remove(document, path);
        return add(document, path, operation.path("value").deepCopy());
      }
      case "move" -> {
        List<String> from = pointer(operation.path("from").asText());
        JsonNode value = find(document, from).deepCopy();
        remove(document, from);
        return add(document, path, value);
      }
      case "copy" -> {
        return add(
            document, path, find(document, pointer(operation.path("from").asText())).deepCopy());
      }
      case "test" -> {
        if (!find(document, path).equals(operation.path("value"))) {
          throw Statuses.invalidPatch(
              "testing value " + operation.path("path").asText() + " failed");
        }
        return document;
      }
      default -> throw Statuses.badRequest("Unexpected kind: " + op);
    }
  }

  private static JsonNode add(JsonNode document, List<String> path, JsonNode value) {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = find(document, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object) {
      object.set(last, value);
    } else if (parent instanceof ArrayNode array) {
      if ("-".equals(last)) {
        array.add(value);
      } else {
        int index = index(array, last, array.size());
        array.insert(index, value);
      }
    } else {
      throw Statuses.invalidPatch(
          "add operation does not apply: doc is missing path: " + join(path));
    }
    return document;
  }

  private static void remove(JsonNode document, List<String> path) {
    if (path.isEmpty()) {
      throw Statuses.invalidPatch("cannot remove the whole document");
    }
    JsonNode parent = find(document, path.subList(0, path.size() - 1));
    String last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object && object.has(last)) {
      object.remove(last);
    } else if (parent instanceof ArrayNode array) {
      array.remove(index(array, last, array.size() - 1));
    } else {
      throw Statuses.invalidPatch(
          "remove operation does not apply: doc is missing path: \"" + join(path) + "\"");
    }
  }

  private static JsonNode find(JsonNode document, List<String> path) {
    JsonNode node = document;
    for (String part : path) {
      if (node instanceof ArrayNode array) {
        node = array.get(index(array, part, array.size() - 1));
      } else {
        node = node == null ? null : node.get(part);
      }
      if (node == null) {
        throw Statuses.invalidPatch("doc is missing path: \"" + join(path) + "\"");
      }
    }
    return node;
  }

  private static int index(ArrayNode array, String part, int max) {
    try {
      int index = Integer.parseInt(part);
      if (index < 0 || index > max) {
        throw Statuses.invalidPatch("index out of bounds: " + part);
      }
      return index;
    } catch (NumberFormatException e) {
      throw Statuses.invalidPatch("invalid array index: " + part);
    }
  }

  private static List<String> pointer(String pointer) {
    List<String> parts = new ArrayList<>();
    if (pointer.isEmpty()) {
      return parts;
    }
    if (!pointer.startsWith("/")) {
      throw Statuses.invalidPatch("JSON pointer must start with /: " + pointer);
    }
    for (String part : pointer.substring(1).split("/", -1)) {
      parts.add(part.replace("~1", "/").replace("~0", "~"));
    }
    return parts;
  }

  private static String join(List<String> path) {
    return "/" + String.join("/", path);
  }

  private static JsonNode withoutDirectives(JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = ((ObjectNode) patch).objectNode();
    patch
        .properties()
        .forEach(
            field -> {
              if (!field.getKey().startsWith("$")) {
                result.set(field.getKey(), withoutDirectives(field.getValue()));
              }
            });
    return result;
  }
}
