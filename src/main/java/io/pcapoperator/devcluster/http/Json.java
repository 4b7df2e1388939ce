package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;

/** Reading request bodies and writing answers of the embedded API. */
public final class Json {
  /** The mapper for JSON bodies and answers. */
  public static final ObjectMapper MAPPER = new ObjectMapper();

  private static final YAMLMapper YAML = new YAMLMapper();

  private Json() {}

  /** The object in a JSON (or, when {@code yaml}, YAML) body; 400 when it is not one. */
  public static JsonNode parse(byte[] body, boolean yaml) {
    try {
      JsonNode node = (yaml ? YAML : MAPPER).readTree(body);
      if (node == null || node.isMissingNode()) {
        throw Statuses.badRequest("the request body is empty");
      }
      return node;
    } catch (IOException e) {
      throw Statuses.badRequest("the body of the request could not be decoded: " + firstLine(e));
    }
  }

  /** The object in a body that must be a JSON object. */
  public static ObjectNode parseObject(byte[] body, boolean yaml) {
    JsonNode node = parse(body, yaml);
    if (!node.isObject()) {
      throw Statuses.badRequest("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /** The bytes of {@code node} as compact JSON. */
  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  private static String firstLine(IOException e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
