package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.api.TypeRegistry;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discovery documents kubectl reads before anything else ({@code /api}, {@code /apis}, {@code
 * /api/v1}, {@code /apis/group/version}), built from the kinds served at the moment of the request,
 * so a CRD applied a second ago is there.
 */
public final class Discovery {
  private static final List<String> OBJECT_VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> READ_VERBS = List.of("get", "list", "watch");
  private static final List<String> STATUS_VERBS = List.of("get", "patch", "update");

  private final TypeRegistry registry;

  /** Discovery of the kinds in {@code registry}. */
  public Discovery(TypeRegistry registry) {
    this.registry = registry;
  }

  /** {@code /api}: the core group's versions. */
  public ObjectNode coreVersions(String serverAddress) {
    ObjectNode versions = object().put("kind", "APIVersions");
    versions.putArray("versions").add("v1");
    versions
        .putArray("serverAddressByClientCIDRs")
        .addObject()
        .put("clientCIDR", "0.0.0.0/0")
        .put("serverAddress", serverAddress);
    return versions;
  }

  /** {@code /apis}: every named group. */
  public ObjectNode groups() {
    ObjectNode list = object().put("kind", "APIGroupList").put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    versionsByGroup().forEach((group, versions) -> groups.add(group(group, versions)));
    return list;
  }

  /** {@code /apis/group}, if the group is served. */
  public Optional<ObjectNode> group(String group) {
    List<String> versions = versionsByGroup().get(group);
    if (versions == null) {
      return Optional.empty();
    }
    ObjectNode document = group(group, versions);
    document.put("kind", "APIGroup").put("apiVersion", "v1");
    return Optional.of(document);
  }

  /** {@code /api/v1} or {@code /apis/group/version}, if the version is served. */
  public Optional<ObjectNode> resources(String group, String version) {
    List<ResourceType> types =
        registry.all().stream()
            .filter(type -> type.group().equals(group) && type.version().equals(version))
            .sorted(Comparator.comparing(ResourceType::plural))
            .toList();
    if (types.isEmpty()) {
      return Optional.empty();
    }
    ObjectNode list = object().put("kind", "APIResourceList").put("apiVersion", "v1");
    list.put("groupVersion", types.get(0).apiVersion());
    ArrayNode resources = list.putArray("resources");
    for (ResourceType type : types) {
      ObjectNode resource =
          resources
              .addObject()
              .put("name", type.plural())
              .put("singularName", type.singular())
              .put("namespaced", type.namespaced())
              .put("kind", type.kind());
      strings(resource.putArray("verbs"), verbs(type));
      if (!type.shortNames().isEmpty()) {
        strings(resource.putArray("shortNames"), type.shortNames());
      }
      if (!type.categories().isEmpty()) {
        strings(resource.putArray("categories"), type.categories());
      }
      if (type.statusSubresource()) {
        ObjectNode status =
            resources
                .addObject()
                .put("name", type.plural() + "/status")
                .put("singularName", "")
                .put("namespaced", type.namespaced())
                .put("kind", type.kind());
        strings(status.putArray("verbs"), STATUS_VERBS);
      }
    }
    return Optional.of(list);
  }

  private static List<String> verbs(ResourceType type) {
    if (BuiltInTypes.isReview(type)) {
      return List.of("create");
    }
    return BuiltInTypes.isReadOnly(type) ? READ_VERBS : OBJECT_VERBS;
  }

  private Map<String, List<String>> versionsByGroup() {
    Map<String, List<String>> versions = new LinkedHashMap<>();
    registry.all().stream()
        .filter(type -> !type.group().isEmpty())
        .sorted(Comparator.comparing(ResourceType::group).thenComparing(ResourceType::version))
        .forEach(
            type -> {
              List<String> list =
                  versions.computeIfAbsent(type.group(), g -> new java.util.ArrayList<>());
              if (!list.contains(type.version())) {
                list.add(type.version());
              }
            });
    return versions;
  }

  private static ObjectNode group(String group, List<String> versions) {
    ObjectNode document = object().put("name", group);
    ArrayNode list = document.putArray("versions");
    versions.forEach(v -> list.addObject().put("groupVersion", group + "/" + v).put("version", v));
    String preferred = versions.get(versions.size() - 1);
    document
        .putObject("preferredVersion")
        .put("groupVersion", group + "/" + preferred)
        .put("version", preferred);
    return document;
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }

  private static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }
}
