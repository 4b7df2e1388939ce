package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a custom resource against its structural schema with kube-apiserver's rules and words:
 * type, nullable, string lengths, patterns, formats, numeric bounds, item counts, enums, required
 * fields and property counts. Metadata at the root (and of embedded resources) is left alone. On an
 * update, values equal to the stored ones are not checked again (kube's validation ratcheting), so
 * that an object stored under an older schema can still be written.
 */
final class SchemaValidator {
  private SchemaValidator() {}

  /**
   * The field errors of {@code object}, a resource of schema {@code root}, that replaces {@code
   * old} (or {@code null} on a create).
   */
  static List<FieldError> validate(JsonNode object, JsonNode old, Schema root) {
    List<FieldError> errors = new ArrayList<>();
    validate(object, old, root, "", true, errors);
    return errors;
  }

  private static void validate(
      JsonNode value,
      JsonNode old,
      Schema schema,
      String path,
      boolean resource,
      List<FieldError> errors) {
    if (schema == null || value.equals(old)) {
      return;
    }
    if (value.isNull()) {
      if (!schema.nullable && (!schema.type.isEmpty() || schema.intOrString)) {
        errors.add(typeError(path, schema, "null"));
      }
      return;
    }
    String actual = typeOf(value);
    if (!hasType(schema, actual, value)) {
      errors.add(typeError(path, schema, actual));
    }
    if (value.isTextual()) {
      checkString(value, schema, path, errors);
    }
    if (value.isNumber()) {
      checkNumber(value, schema, path, errors);
    }
    if (value.isArray()) {
      checkArray(value, schema, path, errors);
    }
    checkEnum(value, schema, path, errors);
    if (value.isObject()) {
      checkObject(value, old, schema, path, resource || schema.embeddedResource, errors);
    }
  }

  private static void checkString(
      JsonNode value, Schema schema, String path, List<FieldError> errors) {
    String text = value.asText();
    long length = text.codePointCount(0, text.length());
    if (schema.maxLength != null && length > schema.maxLength) {
      errors.add(
          new FieldError(
              ErrorType.TOO_LONG, path, null, "may not be longer than " + schema.maxLength));
    }
    if (schema.minLength != null && length < schema.minLength) {
      errors.add(invalid(path, value, "should be at least " + schema.minLength + " chars long"));
    }
    if (schema.pattern != null && !schema.pattern.matcher(text).find()) {
      errors.add(invalid(path, value, "should match '" + schema.patternText + "'"));
    }
    if (!Formats.valid(schema.format, text)) {
      errors.add(
          new FieldError(
              ErrorType.TYPE_INVALID,
              path,
              GoFormat.quote(text),
              path + " in body must be of type " + schema.format + ": " + GoFormat.quote(text)));
    }
  }

  private static void checkNumber(
      JsonNode value, Schema schema, String path, List<FieldError> errors) {
    double number = value.asDouble();
    if (schema.maximum != null) {
      double max = schema.maximum.asDouble();
      if (schema.exclusiveMaximum ? number >= max : number > max) {
        String bound = bound(value, schema.maximum);
        errors.add(
            invalid(
                path,
                value,
                "should be less than " + (schema.exclusiveMaximum ? "" : "or equal to ") + bound));
      }
    }
    if (schema.minimum != null) {
      double min = schema.minimum.asDouble();
      if (schema.exclusiveMinimum ? number <= min : number < min) {
        String bound = bound(value, schema.minimum);
        errors.add(
            invalid(
                path,
                value,
                "should be greater than "
                    + (schema.exclusiveMinimum ? "" : "or equal to ")
                    + bound));
      }
    }
  }

  private static void checkArray(
      JsonNode value, Schema schema, String path, List<FieldError> errors) {
    if (schema.minItems != null && value.size() < schema.minItems) {
      errors.add(invalid(path, value, "should have at least " + schema.minItems + " items"));
    }
    if (schema.maxItems != null && value.size() > schema.maxItems) {
      errors.add(
          new FieldError(
              ErrorType.TOO_MANY,
              path,
              Integer.toString(value.size()),
              "must have at most " + schema.maxItems + " items"));
    }
    for (int i = 0; i < value.size(); i++) {
      validate(value.get(i), null, schema.items, FieldPaths.index(path, i), false, errors);
    }
  }

  private static void checkEnum(
      JsonNode value, Schema schema, String path, List<FieldError> errors) {
    if (schema.enumValues.isEmpty()
        || schema.enumValues.stream().anyMatch(allowed -> sameValue(allowed, value))) {
      return;
    }
    List<String> supported = new ArrayList<>();
    schema.enumValues.forEach(
        allowed ->
            supported.add(
                GoFormat.quote(allowed.isTextual() ? allowed.asText() : allowed.toString())));
    errors.add(
        new FieldError(
            ErrorType.NOT_SUPPORTED,
            path,
            GoFormat.value(value),
            "supported values: " + String.join(", ", supported)));
  }

  private static void checkObject(
      JsonNode value,
      JsonNode old,
      Schema schema,
      String path,
      boolean resource,
      List<FieldError> errors) {
    int count = value.size();
    if (schema.maxProperties != null && count > schema.maxProperties) {
      errors.add(
          new FieldError(
              ErrorType.TOO_MANY,
              path,
              Integer.toString(count),
              "must have at most " + schema.maxProperties + " items"));
    }
    if (schema.minProperties != null && count < schema.minProperties) {
      errors.add(
          invalid(path, value, "should have at least " + schema.minProperties + " properties"));
    }
    for (String name : schema.required) {
      if (!value.has(name)) {
        errors.add(new FieldError(ErrorType.REQUIRED, FieldPaths.child(path, name), null, ""));
      }
    }
    for (Map.Entry<String, Schema> property : schema.properties.entrySet()) {
      JsonNode field = value.get(property.getKey());
      if (field != null && !(resource && property.getKey().equals("metadata"))) {
        validate(
            field,
            old == null ? null : old.get(property.getKey()),
            property.getValue(),
            FieldPaths.child(path, property.getKey()),
            false,
            errors);
      }
    }
    if (schema.additionalProperties != null) {
      value
          .properties()
          .forEach(
              field -> {
                if (!schema.properties.containsKey(field.getKey())) {
                  validate(
                      field.getValue(),
                      old == null ? null : old.get(field.getKey()),
                      schema.additionalProperties,
                      FieldPaths.child(path, field.getKey()),
                      false,
                      errors);
                }
              });
    }
  }

  private static FieldError typeError(String path, Schema schema, String actual) {
    String expected = schema.intOrString ? "integer,string" : schema.type;
    return new FieldError(
        ErrorType.TYPE_INVALID,
        path,
        GoFormat.quote(actual),
        path + " in body must be of type " + expected + ": " + GoFormat.quote(actual));
  }

  private static FieldError invalid(String path, JsonNode value, String rule) {
    return new FieldError(
        ErrorType.INVALID, path, GoFormat.value(value), path + " in body " + rule);
  }

  /** A bound as kube prints it: as an integer when the value checked is one. */
  private static String bound(JsonNode value, JsonNode bound) {
    return value.isIntegralNumber()
        ? Long.toString((long) bound.asDouble())
        : GoFormat.number(bound.asDouble());
  }

  private static String typeOf(JsonNode value) {
    if (value.isObject()) {
      return "object";
    }
    if (value.isArray()) {
      return "array";
    }
    if (value.isTextual()) {
      return "string";
    }
    if (value.isBoolean()) {
      return "boolean";
    }
    return value.isIntegralNumber() ? "integer" : "number";
  }

  private static boolean hasType(Schema schema, String actual, JsonNode value) {
    if (schema.intOrString) {
      return actual.equals("integer") || actual.equals("string") || isWholeNumber(value);
    }
    return switch (schema.type) {
      case "" -> true;
      case "number" -> actual.equals("number") || actual.equals("integer");
      case "integer" -> actual.equals("integer") || isWholeNumber(value);
      default -> schema.type.equals(actual);
    };
  }

  private static boolean isWholeNumber(JsonNode value) {
    return value.isFloatingPointNumber() && value.asDouble() == Math.rint(value.asDouble());
  }

  private static boolean sameValue(JsonNode allowed, JsonNode value) {
    if (allowed.isNumber() && value.isNumber()) {
      return allowed.decimalValue().compareTo(value.decimalValue()) == 0;
    }
    return allowed.equals(value);
  }
}
