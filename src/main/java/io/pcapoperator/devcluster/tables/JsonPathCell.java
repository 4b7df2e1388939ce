package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.pcapoperator.devcluster.api.PrinterColumn;
import java.time.Instant;

/**
 * The cell of a CRD printer column: its JSONPath's first match, rendered as apiextensions' table
 * convertor does. A {@code string} column shows the value as text; {@code integer}, {@code number}
 * and {@code boolean} columns show a value of their type, or none; a {@code date} column shows the
 * age of an RFC 3339 timestamp. A path that matches nothing gives no value.
 */
final class JsonPathCell implements Column.Cell {
  private static final Configuration JACKSON =
      Configuration.builder()
          .jsonProvider(new JacksonJsonNodeJsonProvider())
          .mappingProvider(new JacksonMappingProvider())
          .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
          .build();

  private final JsonPath path;
  private final String type;

  private JsonPathCell(JsonPath path, String type) {
    this.path = path;
    this.type = type;
  }

  /** The cell of {@code column}, its path parsed once; empty path gives no value. */
  static Column.Cell of(PrinterColumn column) {
    String jsonPath = column.jsonPath().trim();
    if (jsonPath.startsWith("{") && jsonPath.endsWith("}")) {
      jsonPath = jsonPath.substring(1, jsonPath.length() - 1);
    }
    try {
      return new JsonPathCell(
          JsonPath.compile(jsonPath.startsWith("$") ? jsonPath : "$" + jsonPath), column.type());
    } catch (InvalidPathException | IllegalArgumentException unparsable) {
      return (object, now) -> NullNode.getInstance();
    }
  }

  @Override
  public JsonNode read(ObjectNode object, Instant now) {
    Object found = JsonPath.using(JACKSON).parse(object).read(path);
    if (!(found instanceof ArrayNode matches) || matches.isEmpty()) {
      return NullNode.getInstance();
    }
    return render(matches.get(0), now);
  }

  private JsonNode render(JsonNode value, Instant now) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (type.equals("string")) {
      return nodes.textNode(GoText.of(value));
    }
    switch (type) {
      case "integer":
        if (value.isNumber()) {
          return nodes.numberNode(value.longValue());
        }
        break;
      case "number":
        if (value.isNumber()) {
          return nodes.numberNode(value.doubleValue());
        }
        break;
      case "boolean":
        if (value.isBoolean()) {
          return value;
        }
        break;
      case "date":
        if (value.isTextual()) {
          return nodes.textNode(Ages.dateCell(value.asText(), now));
        }
        break;
      default:
        break;
    }
    return NullNode.getInstance();
  }
}
