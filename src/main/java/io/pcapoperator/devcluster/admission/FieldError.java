package io.pcapoperator.devcluster.admission;

import io.pcapoperator.devcluster.http.StatusCause;

/**
 * One field error, as kube's {@code field.Error}.
 *
 * @param type the kind of error
 * @param field the field path, e.g. {@code spec.timeLimit}
 * @param value the bad value as kube prints it (Go syntax), or {@code null} for {@code null}
 * @param detail what is wrong, or empty
 */
record FieldError(ErrorType type, String field, String value, String detail) {

  /** The message without the field: {@code Invalid value: 500: spec.timeLimit in body ...}. */
  String body() {
    StringBuilder body = new StringBuilder(type.text());
    if (type.showsValue()) {
      body.append(": ").append(value == null ? "null" : value);
    }
    if (!detail.isEmpty()) {
      body.append(": ").append(detail);
    }
    return body.toString();
  }

  StatusCause cause() {
    return new StatusCause(type.reason(), body(), field);
  }
}
