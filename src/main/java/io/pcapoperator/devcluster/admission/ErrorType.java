package io.pcapoperator.devcluster.admission;

/** The kinds of field error kube-apiserver reports, with its wording (apimachinery's field). */
enum ErrorType {
  REQUIRED("FieldValueRequired", "Required value", false),
  FORBIDDEN("FieldValueForbidden", "Forbidden", false),
  TOO_LONG("FieldValueTooLong", "Too long", false),
  INVALID("FieldValueInvalid", "Invalid value", true),
  TYPE_INVALID("FieldValueTypeInvalid", "Invalid value", true),
  NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value", true),
  TOO_MANY("FieldValueTooMany", "Too many", true),
  DUPLICATE("FieldValueDuplicate", "Duplicate value", true);

  private final String reason;
  private final String text;
  private final boolean showsValue;

  ErrorType(String reason, String text, boolean showsValue) {
    this.reason = reason;
    this.text = text;
    this.showsValue = showsValue;
  }

  /** The cause's {@code reason}, e.g. {@code FieldValueInvalid}. */
  String reason() {
    return reason;
  }

  /** The message's opening, e.g. {@code Invalid value}. */
  String text() {
    return text;
  }

  /** Whether the message quotes the bad value after the opening. */
  boolean showsValue() {
    return showsValue;
  }

  /**
   * Whether kube skips the CEL rules after such a schema error, since the object has not the shape
   * the rules expect.
   */
  boolean blocksRules() {
    return this == REQUIRED
        || this == TOO_LONG
        || this == TYPE_INVALID
        || this == NOT_SUPPORTED
        || this == TOO_MANY;
  }
}
