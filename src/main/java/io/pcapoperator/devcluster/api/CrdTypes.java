package io.pcapoperator.devcluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads the kinds a CustomResourceDefinition's spec defines, one per served version. */
final class CrdTypes {
  private CrdTypes() {}

  static List<ResourceType> fromSpec(JsonNode spec) {
    JsonNode names = spec.path("names");
    boolean namespaced = !"Cluster".equals(spec.path("scope").asText());
    List<ResourceType> types = new ArrayList<>();
    for (JsonNode version : spec.path("versions")) {
      if (!version.path("served").asBoolean(true)) {
        continue;
      }
      types.add(
          new ResourceType(
              spec.path("group").asText(),
              version.path("name").asText(),
              names.path("kind").asText(),
              names.path("plural").asText(),
              names
                  .path("singular")
                  .asText(names.path("kind").asText().toLowerCase(java.util.Locale.ROOT)),
              namespaced,
              strings(names.path("shortNames")),
              strings(names.path("categories")),
              version.path("subresources").has("status"),
              printerColumns(version.path("additionalPrinterColumns")),
              version.path("schema").path("openAPIV3Schema").isMissingNode()
                  ? null
                  : version.path("schema").path("openAPIV3Schema")));
    }
    return types;
  }

  private static List<PrinterColumn> printerColumns(JsonNode columns) {
    List<PrinterColumn> result = new ArrayList<>();
    for (JsonNode column : columns) {
      result.add(
          new PrinterColumn(
              column.path("name").asText(),
              column.path("type").asText("string"),
              column.path("format").asText(""),
              column.path("description").asText(""),
              column.path("priority").asInt(0),
              column.path("jsonPath").asText()));
    }
    return result;
  }

  private static List<String> strings(JsonNode array) {
    List<String> result = new ArrayList<>();
    array.forEach(node -> result.add(node.asText()));
    return result;
  }
}
