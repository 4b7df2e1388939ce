package io.pcapoperator.devcluster.http;

/**
 * One cause of a 422 answer, as kube's {@code metav1.StatusCause}.
 *
 * @param reason e.g. {@code FieldValueInvalid}
 * @param message the cause without its field, e.g. {@code Required value}
 * @param field the field path, e.g. {@code spec.timeLimit}
 */
public record StatusCause(String reason, String message, String field) {
  /** {@code field: message}, as kube words one field error. */
  @Override
  public String toString() {
    return field + ": " + message;
  }
}
