package io.pcapoperator.devcluster.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * kube's syntax of label keys (qualified names) and label values, with its messages (apimachinery's
 * {@code IsQualifiedName} and {@code IsValidLabelValue}); an empty list is valid.
 */
final class LabelSyntax {
  private static final String NAME_FORMAT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  private static final String VALUE_FORMAT = "(" + NAME_FORMAT + ")?";
  private static final String SUBDOMAIN_FORMAT =
      "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
  private static final Pattern NAME = Pattern.compile(NAME_FORMAT);
  private static final Pattern VALUE = Pattern.compile(VALUE_FORMAT);
  private static final Pattern SUBDOMAIN = Pattern.compile(SUBDOMAIN_FORMAT);
  private static final String NAME_RULE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  private static final int NAME_MAX = 63;
  private static final int SUBDOMAIN_MAX = 253;

  private LabelSyntax() {}

  /** What is wrong with a label key or annotation key, in kube's words. */
  static List<String> qualifiedName(String key) {
    List<String> errors = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      errors.add(
          "a qualified name "
              + regexError(NAME_RULE, NAME_FORMAT, "MyName", "my.name", "123-abc")
              + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
      return errors;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        errors.add("prefix part must be non-empty");
      } else {
        if (utf8Length(prefix) > SUBDOMAIN_MAX) {
          errors.add("prefix part " + maxLength(SUBDOMAIN_MAX));
        }
        if (!SUBDOMAIN.matcher(prefix).matches()) {
          errors.add(
              "prefix part "
                  + regexError(
                      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
                          + " characters, '-' or '.', and must start and end with an alphanumeric"
                          + " character",
                      SUBDOMAIN_FORMAT,
                      "example.com"));
        }
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must be non-empty");
    } else if (utf8Length(name) > NAME_MAX) {
      errors.add("name part " + maxLength(NAME_MAX));
    }
    if (!NAME.matcher(name).matches()) {
      errors.add("name part " + regexError(NAME_RULE, NAME_FORMAT, "MyName", "my.name", "123-abc"));
    }
    return errors;
  }

  /** What is wrong with a label value, in kube's words. */
  static List<String> labelValue(String value) {
    List<String> errors = new ArrayList<>();
    if (utf8Length(value) > NAME_MAX) {
      errors.add(maxLength(NAME_MAX));
    }
    if (!VALUE.matcher(value).matches()) {
      errors.add(
          regexError(
              "a valid label must be an empty string or consist of alphanumeric characters, '-',"
                  + " '_' or '.', and must start and end with an alphanumeric character",
              VALUE_FORMAT,
              "MyValue",
              "my_value",
              "12345"));
    }
    return errors;
  }

  /** Go's {@code len}: the UTF-8 bytes of {@code text}. */
  static int utf8Length(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  private static String maxLength(int length) {
    return "must be no more than " + length + " characters";
  }

  /** kube's {@code RegexError}, examples and all (its doubled spaces included). */
  private static String regexError(String rule, String format, String... examples) {
    StringBuilder message = new StringBuilder(rule).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      message.append(i > 0 ? " or " : "").append('\'').append(examples[i]).append("', ");
    }
    return message.append("regex used for validation is '").append(format).append("')").toString();
  }
}
