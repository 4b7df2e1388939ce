package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.function.Predicate;

/**
 * The object filter of a list or watch: its {@code labelSelector} and {@code fieldSelector} read as
 * kube-apiserver reads them; a selector it would refuse is a 400 with kube's message.
 */
public final class Selectors {
  private Selectors() {}

  /** The filter {@code request} asks for on objects of {@code type}. */
  public static Predicate<ObjectNode> of(ResourceType type, ApiRequest request) {
    String labelSelector = request.param("labelSelector");
    Predicate<ObjectNode> labels = object -> true;
    if (labelSelector != null) {
      for (LabelRequirement requirement : LabelSelectorParser.parse(labelSelector)) {
        labels = labels.and(object -> requirement.matches(object.path("metadata").path("labels")));
      }
    }
    return labels.and(FieldSelector.parse(type, request.param("fieldSelector")));
  }
}
