package io.pcapoperator.devcluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the embedded API serves now: the built-in ones and those of every CRD applied to it.
 * Objects of a kind are stored under one key whatever version they are read at ({@link
 * #storageKey}), as kube-apiserver stores one version of each resource.
 */
public final class TypeRegistry {
  private final Map<String, ResourceType> byPath = new ConcurrentHashMap<>();
  private final Map<String, List<ResourceType>> byCrd = new ConcurrentHashMap<>();

  /** A registry of the built-in kinds. */
  public TypeRegistry() {
    BuiltInTypes.ALL.forEach(type -> byPath.put(pathKey(type), type));
  }

  /** The kind served at {@code group/version/plural}. */
  public Optional<ResourceType> find(String group, String version, String plural) {
    return Optional.ofNullable(byPath.get(group + "/" + version + "/" + plural));
  }

  /** Every kind served now. */
  public List<ResourceType> all() {
    return new ArrayList<>(byPath.values());
  }

  /** Serves the versions of a CRD (replacing what an earlier version of it served). */
  public void register(String crdName, JsonNode crdSpec) {
    unregister(crdName);
    List<ResourceType> types = CrdTypes.fromSpec(crdSpec);
    types.forEach(type -> byPath.put(pathKey(type), type));
    byCrd.put(crdName, types);
  }

  /** Stops serving a CRD's kinds; returns them. */
  public List<ResourceType> unregister(String crdName) {
    List<ResourceType> types = byCrd.remove(crdName);
    if (types == null) {
      return List.of();
    }
    types.forEach(type -> byPath.remove(pathKey(type)));
    return types;
  }

  /** Where objects of {@code type} are kept, whatever the version. */
  public static String storageKey(ResourceType type) {
    return type.group() + "/" + type.plural();
  }

  private static String pathKey(ResourceType type) {
    return type.group() + "/" + type.version() + "/" + type.plural();
  }
}
