package io.pcapoperator.devcluster.openapi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.http.Json;
import io.pcapoperator.devcluster.http.OpenApiView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * OpenAPI v3 documents of the served kinds, one per group version, as kubectl reads them for {@code
 * explain}, {@code apply} and {@code edit}. The index links each document with the hash of its
 * content, so that a client's cached copy is replaced when a CRD changes. The single v2 document
 * holds the same schemas in Swagger 2.0's form, without paths.
 */
public final class OpenApiDocuments implements OpenApiView {
  @Override
  public ObjectNode index(List<ResourceType> served) {
    ObjectNode index = JsonNodeFactory.instance.objectNode();
    ObjectNode paths = index.putObject("paths");
    byDocument(served)
        .forEach(
            (path, types) ->
                paths
                    .putObject(path)
                    .put(
                        "serverRelativeURL",
                        "/openapi/v3/" + path + "?hash=" + hash(build(types))));
    return index;
  }

  @Override
  public Optional<ObjectNode> document(List<ResourceType> served, String groupVersionPath) {
    return Optional.ofNullable(byDocument(served).get(groupVersionPath))
        .map(OpenApiDocuments::build);
  }

  @Override
  public ObjectNode swagger(List<ResourceType> served) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("swagger", "2.0");
    info(document);
    document.putObject("paths");
    ObjectNode schemas = JsonNodeFactory.instance.objectNode();
    MetaSchemas.addTo(schemas);
    served.stream()
        .sorted(Comparator.comparing(ResourceType::apiVersion).thenComparing(ResourceType::kind))
        .forEach(type -> addSchemas(schemas, type));
    ObjectNode definitions = document.putObject("definitions");
    schemas
        .properties()
        .forEach(
            entry -> definitions.set(entry.getKey(), V2Schemas.of((ObjectNode) entry.getValue())));
    return document;
  }

  private static Map<String, List<ResourceType>> byDocument(List<ResourceType> served) {
    return served.stream()
        .sorted(Comparator.comparing(ResourceType::kind))
        .collect(
            Collectors.groupingBy(
                type -> type.pathPrefix().substring(1), TreeMap::new, Collectors.toList()));
  }

  private static ObjectNode build(List<ResourceType> types) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("openapi", "3.0.0");
    info(document);
    ObjectNode paths = document.putObject("paths");
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    MetaSchemas.addTo(schemas);
    for (ResourceType type : types) {
      ApiPaths.addTo(paths, type);
      addSchemas(schemas, type);
    }
    return document;
  }

  private static void info(ObjectNode document) {
    document
        .putObject("info")
        .put("title", "Kubernetes")
        .put("version", "v1.32.0-pcap-operator-embedded");
  }

  private static void addSchemas(ObjectNode schemas, ResourceType type) {
    schemas.set(SchemaNames.of(type, type.kind()), KindSchemas.kind(type));
    schemas.set(SchemaNames.of(type, type.listKind()), KindSchemas.list(type));
  }

  private static String hash(ObjectNode document) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-512").digest(Json.bytes(document));
      return HexFormat.of().withUpperCase().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is missing", e);
    }
  }
}
