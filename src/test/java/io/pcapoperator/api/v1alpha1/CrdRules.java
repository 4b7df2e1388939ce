package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.pcapoperator.devcluster.admission.CelRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CEL rules of a committed CRD, compiled by the embedded API's engine, and the messages of the
 * rules a value breaks, as the API server would answer them.
 */
final class CrdRules {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CrdRules() {}

  /** The schema of {@code spec} in the CRD committed as {@code crds/<fileName>}. */
  static JSONSchemaProps spec(String fileName) throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(
            Files.readString(Path.of("crds", fileName)), CustomResourceDefinition.class);
    return crd.getSpec()
        .getVersions()
        .get(0)
        .getSchema()
        .getOpenAPIV3Schema()
        .getProperties()
        .get("spec");
  }

  /** {@code rules}, compiled in order. */
  static List<CelRule> compile(List<ValidationRule> rules) {
    List<CelRule> compiled = new ArrayList<>();
    rules.forEach(rule -> compiled.add(CelRule.compile(JSON.valueToTree(rule))));
    return compiled;
  }

  /**
   * The messages of the rules that {@code self} breaks: on create when {@code old} is null (which
   * skips the transition rules), else on an update from {@code old}.
   */
  static List<String> broken(List<CelRule> rules, Object self, Object old) {
    List<String> messages = new ArrayList<>();
    for (CelRule rule : rules) {
      if (rule.isTransition() && old == null) {
        continue;
      }
      rule.violation(JSON.valueToTree(self), old == null ? null : JSON.valueToTree(old))
          .ifPresent(messages::add);
    }
    return messages;
  }
}
