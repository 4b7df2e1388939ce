package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values printed as kube-apiserver, a Go program, prints them in messages: {@code %q} for strings,
 * {@code %v} for numbers, {@code %#v} for objects and arrays.
 */
public final class GoFormat {
  private GoFormat() {}

  /** A JSON value as {@code field.Error} prints a bad value. */
  static String value(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return quote(node.asText());
    }
    if (node.isIntegralNumber()) {
      return node.bigIntegerValue().toString();
    }
    if (node.isNumber()) {
      return number(node.asDouble());
    }
    if (node.isBoolean()) {
      return node.asText();
    }
    return goSyntax(node);
  }

  /** Go's {@code strconv.Quote}. */
  public static String quote(String text) {
    StringBuilder quoted = new StringBuilder("\"");
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    quoted.append(String.format("\\x%02x", c));
                  } else if (Character.isISOControl(c) || !Character.isDefined(c)) {
                    quoted.append(String.format(c > 0xffff ? "\\U%08x" : "\\u%04x", c));
                  } else {
                    quoted.appendCodePoint(c);
                  }
                }
              }
            });
    return quoted.append('"').toString();
  }

  /** Go's {@code %v} of a float64: the shortest form, with an exponent from 1e+06 or below 1e-4. */
  static String number(double value) {
    if (value == 0) {
      return "0";
    }
    BigDecimal exact = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    int exponent = exact.precision() - exact.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String digits = exact.unscaledValue().abs().toString();
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return (value < 0 ? "-" : "")
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format("%02d", Math.abs(exponent));
    }
    return exact.toPlainString();
  }

  private static String goSyntax(JsonNode node) {
    if (node.isObject()) {
      List<String> entries = new ArrayList<>();
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(node.properties());
      fields.sort(Map.Entry.comparingByKey());
      fields.forEach(e -> entries.add(quote(e.getKey()) + ":" + element(e.getValue())));
      return "map[string]interface {}{" + String.join(", ", entries) + "}";
    }
    List<String> items = new ArrayList<>();
    node.forEach(item -> items.add(element(item)));
    return "[]interface {}{" + String.join(", ", items) + "}";
  }

  private static String element(JsonNode node) {
    return node.isNull() ? "interface {}(nil)" : value(node);
  }
}
