package io.pcapoperator.devcluster.http;

import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.api.TypeRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What a resource URL names: a kind, maybe a namespace, maybe an object and a subresource.
 *
 * @param type the kind
 * @param namespace the namespace in the URL, or {@code null} (all namespaces, or cluster scope)
 * @param name the object's name, or {@code null} for the collection
 * @param subresource {@code status}, or {@code null}
 */
public record ResourceRoute(ResourceType type, String namespace, String name, String subresource) {

  /**
   * Reads {@code /api/v1/...} and {@code /apis/group/version/...} paths; empty when the path is not
   * a resource path, 404 when it names a kind that is not served.
   */
  public static Optional<ResourceRoute> parse(List<String> segments, TypeRegistry registry) {
    int start;
    String group;
    String version;
    if (segments.size() >= 3 && segments.get(0).equals("api")) {
      group = "";
      version = segments.get(1);
      start = 2;
    } else if (segments.size() >= 4 && segments.get(0).equals("apis")) {
      group = segments.get(1);
      version = segments.get(2);
      start = 3;
    } else {
      return Optional.empty();
    }
    List<String> rest = segments.subList(start, segments.size());
    String namespace = null;
    if (rest.size() >= 3 && rest.get(0).equals("namespaces")) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
      if (rest.size() == 1 && rest.get(0).equals("status") && group.isEmpty()) {
        return Optional.of(
            new ResourceRoute(BuiltInTypes.NAMESPACES, null, namespace, rest.get(0)));
      }
    }
    String plural = rest.get(0);
    ResourceType type = registry.find(group, version, plural).orElseThrow(Statuses::pathNotFound);
    if (rest.size() > 3 || (namespace != null && !type.namespaced())) {
      throw Statuses.pathNotFound();
    }
    String name = rest.size() >= 2 ? rest.get(1) : null;
    String subresource = rest.size() == 3 ? rest.get(2) : null;
    if (subresource != null && !(subresource.equals("status") && type.statusSubresource())) {
      throw Statuses.pathNotFound();
    }
    return Optional.of(new ResourceRoute(type, namespace, name, subresource));
  }

  /** The key of the kind's objects in the store. */
  public String typeKey() {
    return TypeRegistry.storageKey(type);
  }
}
