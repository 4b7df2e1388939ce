package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads a field selector as kube-apiserver does ({@code fields.ParseSelector}): terms {@code
 * field=value}, {@code field==value} or {@code field!=value}, with {@code \} escaping {@code ,},
 * {@code =} and itself in values, on the fields kube selects the kind by ({@link FieldLabels}).
 */
final class FieldSelector {
  private static final String[] OPERATORS = {"!=", "==", "="};

  private FieldSelector() {}

  /** The filter of {@code selector} on objects of {@code type}; 400 with kube's message. */
  static Predicate<ObjectNode> parse(ResourceType type, String selector) {
    Predicate<ObjectNode> all = object -> true;
    if (selector == null) {
      return all;
    }
    for (String term : terms(selector)) {
      if (!term.isEmpty()) {
        all = all.and(term(type, selector, term));
      }
    }
    return all;
  }

  private static Predicate<ObjectNode> term(ResourceType type, String selector, String term) {
    for (int i = 0; i < term.length(); i++) {
      for (String operator : OPERATORS) {
        if (term.startsWith(operator, i)) {
          String field = term.substring(0, i);
          String value = unescape(term.substring(i + operator.length()));
          FieldLabels.check(type, field);
          boolean equal = !operator.equals("!=");
          String[] path = field.split("\\.");
          return object -> equal == value.equals(text(object, path));
        }
      }
    }
    throw Statuses.badRequest(
        "invalid selector: '" + selector + "'; can't understand '" + term + "'");
  }

  private static String text(ObjectNode object, String[] path) {
    JsonNode node = object;
    for (String part : path) {
      node = node.path(part);
    }
    return node.isMissingNode() || node.isNull() ? "" : node.asText();
  }

  /** The terms between unescaped commas. */
  private static List<String> terms(String selector) {
    List<String> terms = new ArrayList<>();
    StringBuilder term = new StringBuilder();
    boolean escaped = false;
    for (char c : selector.toCharArray()) {
      if (c == ',' && !escaped) {
        terms.add(term.toString());
        term.setLength(0);
      } else {
        term.append(c);
      }
      escaped = c == '\\' && !escaped;
    }
    terms.add(term.toString());
    return terms;
  }

  private static String unescape(String value) {
    StringBuilder plain = new StringBuilder();
    boolean escaped = false;
    for (char c : value.toCharArray()) {
      if (escaped) {
        if (c != '\\' && c != ',' && c != '=') {
          throw Statuses.badRequest("invalid field selector: invalid escape sequence: \\" + c);
        }
        plain.append(c);
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == ',' || c == '=') {
        throw Statuses.badRequest("invalid field selector: unescaped character in value: " + c);
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
