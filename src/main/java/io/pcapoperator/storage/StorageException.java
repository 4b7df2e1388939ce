package io.pcapoperator.storage;

/**
 * A store refused or could not be reached. Transient failures (the store's 5xx, 429 and SlowDown,
 * I/O errors and timeouts) may pass if tried again later; permanent ones (access denied, no such
 * bucket, an invalid key) need the user to change something. The message names the bucket, key and
 * the store's error code, never the credentials.
 */
public final class StorageException extends RuntimeException {
  private final boolean isTransient;
  private final String errorCode;

  /**
   * A failure named by {@code message}, which must carry no credentials; {@code errorCode} is the
   * store's code, if it gave one.
   */
  public StorageException(String message, boolean isTransient, String errorCode, Throwable cause) {
    super(message, cause);
    this.isTransient = isTransient;
    this.errorCode = errorCode;
  }

  /** Whether the same request may succeed later. */
  public boolean isTransient() {
    return isTransient;
  }

  /** The store's error code, such as {@code AccessDenied}; {@code null} if it gave none. */
  public String errorCode() {
    return errorCode;
  }
}
