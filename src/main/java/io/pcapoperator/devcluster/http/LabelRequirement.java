package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One requirement of a label selector, as kube matches it.
 *
 * @param key the label key
 * @param operator how the label is compared
 * @param values the values compared with, sorted; one integer for {@code gt} and {@code lt}
 */
record LabelRequirement(String key, Operator operator, Set<String> values) {
  /** The operators of label selectors. */
  enum Operator {
    EXISTS,
    DOES_NOT_EXIST,
    IN,
    NOT_IN,
    GREATER_THAN,
    LESS_THAN
  }

  /** Whether {@code labels}, an object's {@code metadata.labels}, meet the requirement. */
  boolean matches(JsonNode labels) {
    JsonNode label = labels.path(key);
    boolean present = label.isTextual();
    return switch (operator) {
      case EXISTS -> present;
      case DOES_NOT_EXIST -> !present;
      case IN -> present && values.contains(label.asText());
      case NOT_IN -> !present || !values.contains(label.asText());
      case GREATER_THAN, LESS_THAN -> present && compares(label.asText());
    };
  }

  private boolean compares(String value) {
    long actual;
    try {
      actual = Long.parseLong(value);
    } catch (NumberFormatException notANumber) {
      return false;
    }
    long bound = Long.parseLong(values.iterator().next());
    return operator == Operator.GREATER_THAN ? actual > bound : actual < bound;
  }
}
