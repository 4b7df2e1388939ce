package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Label selectors ({@code app=x,tier!=db,env in (a,b),!legacy}) and field selectors ({@code
 * metadata.name=x,involvedObject.kind=PacketCapture}) as kube-apiserver reads them, turned into
 * object filters.
 */
public final class Selectors {
  private static final Pattern SET_TERM =
      Pattern.compile("^\\s*([^\\s!=]+)\\s+(in|notin)\\s+\\(([^)]*)\\)\\s*$");

  private Selectors() {}

  /** The filter of a label selector; everything passes an empty or absent one. */
  public static Predicate<ObjectNode> labels(String selector) {
    Predicate<ObjectNode> all = object -> true;
    for (String term : splitTerms(selector)) {
      all = all.and(labelTerm(term));
    }
    return all;
  }

  /** The filter of a field selector; every field is a dotted path into the object. */
  public static Predicate<ObjectNode> fields(String selector) {
    Predicate<ObjectNode> all = object -> true;
    for (String term : splitTerms(selector)) {
      all = all.and(fieldTerm(term));
    }
    return all;
  }

  private static Predicate<ObjectNode> labelTerm(String term) {
    Matcher set = SET_TERM.matcher(term);
    if (set.matches()) {
      String key = set.group(1);
      Set<String> values = Set.copyOf(List.of(set.group(3).trim().split("\\s*,\\s*")));
      boolean in = "in".equals(set.group(2));
      return object -> {
        JsonNode label = object.path("metadata").path("labels").path(key);
        return in
            ? label.isTextual() && values.contains(label.asText())
            : !label.isTextual() || !values.contains(label.asText());
      };
    }
    Comparison comparison = Comparison.parse(term);
    if (comparison == null) {
      String key = term.trim();
      if (key.startsWith("!")) {
        return object -> !object.path("metadata").path("labels").has(key.substring(1).trim());
      }
      if (key.isEmpty()) {
        throw Statuses.badRequest("unable to parse requirement: empty label selector term");
      }
      return object -> object.path("metadata").path("labels").has(key);
    }
    return object -> comparison.test(object.path("metadata").path("labels").path(comparison.key()));
  }

  private static Predicate<ObjectNode> fieldTerm(String term) {
    Comparison comparison = Comparison.parse(term);
    if (comparison == null) {
      throw Statuses.badRequest(
          "invalid selector: '" + term + "'; can't understand '" + term + "'");
    }
    String[] path = comparison.key().split("\\.");
    return object -> {
      JsonNode node = object;
      for (String part : path) {
        node = node.path(part);
      }
      return comparison.test(node);
    };
  }

  private static List<String> splitTerms(String selector) {
    List<String> terms = new ArrayList<>();
    if (selector == null || selector.isBlank()) {
      return terms;
    }
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : selector.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        terms.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    terms.add(current.toString());
    return terms;
  }

  private record Comparison(String key, boolean equal, String value) {
    static Comparison parse(String term) {
      int notEqual = term.indexOf("!=");
      if (notEqual > 0) {
        return new Comparison(
            term.substring(0, notEqual).trim(), false, term.substring(notEqual + 2).trim());
      }
      int equals = term.indexOf('=');
      if (equals <= 0) {
        return null;
      }
      int valueStart = term.startsWith("==", equals) ? equals + 2 : equals + 1;
      return new Comparison(
          term.substring(0, equals).trim(), true, term.substring(valueStart).trim());
    }

    boolean test(JsonNode node) {
      String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
      return equal == actual.equals(value);
    }
  }
}
