package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the CEL rules of a schema over an object, node by node, with {@code oldSelf} the stored
 * object's value at the same field on an update; transition rules are skipped where there is no old
 * value (on create, and in list items, which are not correlated).
 */
final class CelValidator {
  private CelValidator() {}

  /**
   * The errors of the rules for {@code object}, replacing {@code old} (or {@code null}); adds the
   * ratcheted ones to {@code warnings}.
   */
  static List<FieldError> validate(
      JsonNode object, JsonNode old, Schema root, List<String> warnings) {
    List<FieldError> errors = new ArrayList<>();
    validate(object, old, root, "", errors, warnings);
    return errors;
  }

  private static void validate(
      JsonNode value,
      JsonNode old,
      Schema schema,
      String path,
      List<FieldError> errors,
      List<String> warnings) {
    if (schema == null || value == null || value.isNull()) {
      return;
    }
    if (!schema.rules.isEmpty()) {
      Object self = CelValues.of(value, schema);
      Object oldSelf = old == null || old.isNull() ? null : CelValues.of(old, schema);
      for (CelRule rule : schema.rules) {
        if (rule.isTransition() && oldSelf == null) {
          continue;
        }
        boolean ratcheted = !rule.isTransition() && value.equals(old);
        rule.check(self, oldSelf, path, schema.type)
            .ifPresent(
                error -> {
                  if (ratcheted) {
                    warnings.add(error.cause().toString());
                  } else {
                    errors.add(error);
                  }
                });
      }
    }
    if (value.isObject()) {
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode oldField = old != null && old.isObject() ? old.get(field.getKey()) : null;
        validate(
            field.getValue(),
            oldField,
            schema.field(field.getKey()),
            FieldPaths.child(path, field.getKey()),
            errors,
            warnings);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        validate(value.get(i), null, schema.items, FieldPaths.index(path, i), errors, warnings);
      }
    }
  }
}
