package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.pcapoperator.devcluster.admission.GoFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * kube-apiserver's rules for every object's labels and annotations ({@code ValidateObjectMeta}):
 * label keys and annotation keys are qualified names, label values at most 63 characters of kube's
 * label alphabet, annotations at most 256 KiB in all.
 */
final class MetadataRules {
  /** kube's {@code TotalAnnotationSizeLimitB}. */
  static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private MetadataRules() {}

  /** The field errors of {@code metadata}; empty when it keeps the rules. */
  static List<StatusCause> check(JsonNode metadata) {
    List<StatusCause> causes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> label : metadata.path("labels").properties()) {
      String key = label.getKey();
      LabelSyntax.qualifiedName(key).forEach(error -> causes.add(invalid("labels", key, error)));
      String value = label.getValue().asText();
      LabelSyntax.labelValue(value).forEach(error -> causes.add(invalid("labels", value, error)));
    }
    long annotationBytes = 0;
    for (Map.Entry<String, JsonNode> annotation : metadata.path("annotations").properties()) {
      String key = annotation.getKey();
      LabelSyntax.qualifiedName(key.toLowerCase(Locale.ROOT))
          .forEach(error -> causes.add(invalid("annotations", key, error)));
      annotationBytes +=
          LabelSyntax.utf8Length(key) + LabelSyntax.utf8Length(annotation.getValue().asText());
    }
    if (annotationBytes > ANNOTATIONS_MAX_BYTES) {
      causes.add(
          new StatusCause(
              "FieldValueTooLong",
              "Too long: must have at most " + ANNOTATIONS_MAX_BYTES + " bytes",
              "metadata.annotations"));
    }
    return causes;
  }

  private static StatusCause invalid(String field, String value, String error) {
    return new StatusCause(
        "FieldValueInvalid",
        "Invalid value: " + GoFormat.quote(value) + ": " + error,
        "metadata." + field);
  }
}
