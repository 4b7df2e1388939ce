package io.pcapoperator.devcluster.tables;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values as kube's JSONPath prints them into a {@code string} column: scalars as Go's {@code
 * %v} does, objects and arrays as Go's {@code encoding/json} writes them (keys sorted).
 */
final class GoText {
  private GoText() {}

  /** The text of a value found in an object; {@code <no value>} for JSON null, as Go prints nil. */
  static String of(JsonNode value) {
    if (value.isNull()) {
      return "<no value>";
    }
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isContainerNode()) {
      StringBuilder out = new StringBuilder();
      writeJson(value, out);
      return out.toString();
    }
    if (value.isFloatingPointNumber()) {
      return formatFloat(value.doubleValue(), false);
    }
    return value.asText();
  }

  private static void writeJson(JsonNode value, StringBuilder out) {
    if (value.isObject()) {
      List<String> names = new ArrayList<>();
      value.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",");
        writeString(names.get(i), out);
        out.append(':');
        writeJson(value.get(names.get(i)), out);
      }
      out.append('}');
    } else if (value.isArray()) {
      out.append('[');
      for (int i = 0; i < value.size(); i++) {
        out.append(i == 0 ? "" : ",");
        writeJson(value.get(i), out);
      }
      out.append(']');
    } else if (value.isTextual()) {
      writeString(value.asText(), out);
    } else if (value.isFloatingPointNumber()) {
      out.append(formatFloat(value.doubleValue(), true));
    } else {
      out.append(value.asText());
    }
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * The shortest decimal form of {@code d}: as {@code %v} ({@code 1e+06} from a million) or, when
   * {@code json}, as {@code encoding/json} ({@code 1000000}; exponents only below 1e-6 and from
   * 1e21).
   */
  static String formatFloat(double d, boolean json) {
    if (d == 0) {
      return "0";
    }
    BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    boolean scientific =
        json ? Math.abs(d) < 1e-6 || Math.abs(d) >= 1e21 : exponent < -4 || exponent >= 6;
    String sign = d < 0 ? "-" : "";
    if (scientific) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      String exp = Integer.toString(Math.abs(exponent));
      if (!json && exp.length() < 2) {
        exp = "0" + exp;
      }
      return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }
    return sign + decimal.toPlainString();
  }
}
