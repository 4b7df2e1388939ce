package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the embedded API refuses, with the kube {@code Status} object it answers. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient ObjectNode status;

  /** An answer of {@code status.code} carrying {@code status}. */
  public ApiException(ObjectNode status) {
    super(status.path("message").asText());
    this.status = status;
  }

  /** The HTTP status code. */
  public int code() {
    return status.path("code").asInt(500);
  }

  /** The kube Status object to send. */
  public ObjectNode status() {
    return status;
  }
}
