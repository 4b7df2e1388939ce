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
 * content, so that a client's cached copy is replaced when a CRD changes.
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
    document
        .putObject("info")
        .put("title", "Kubernetes")
        .put("version", "v1.32.0-pcap-operator-embedded");
    ObjectNode paths = document.putObject("paths");
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    MetaSchemas.addTo(schemas);
    for (ResourceType type : types) {
      ApiPaths.addTo(paths, type);
      schemas.set(SchemaNames.of(type, type.kind()), KindSchemas.kind(type));
      schemas.set(SchemaNames.of(type, type.listKind()), KindSchemas.list(type));
    }
    return document;
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
