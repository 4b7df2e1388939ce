package io.pcapoperator.storage;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns the SDK's exceptions into {@link StorageException}s: transient or permanent, no secrets.
 */
final class StorageFailures {
  /** Error codes that stores answer with a 4xx status but that pass if tried again. */
  private static final Set<String> TRANSIENT_CODES =
      Set.of("SlowDown", "RequestTimeout", "RequestTimeTooSkewed", "OperationAborted");

  private StorageFailures() {}

  /**
   * The failure of {@code operation} on {@code key} of {@code target}'s bucket.
   *
   * @param operation what was tried, such as {@code put}
   */
  static StorageException of(
      SdkException failure, String operation, StorageTarget target, String key) {
    String where = operation + " " + ObjectKeys.uri(target.bucket(), key);
    StorageCredentials credentials = target.credentials();
    if (failure instanceof AwsServiceException refused) {
      int status = refused.statusCode();
      String code =
          refused.awsErrorDetails() == null ? null : refused.awsErrorDetails().errorCode();
      String detail =
          refused.awsErrorDetails() == null ? null : refused.awsErrorDetails().errorMessage();
      boolean isTransient =
          status >= 500 || status == 429 || (code != null && TRANSIENT_CODES.contains(code));
      return new StorageException(
          credentials.redact(
              where
                  + ": HTTP "
                  + status
                  + (code == null ? "" : " " + code)
                  + (detail == null ? "" : ": " + detail)),
          isTransient,
          code,
          failure);
    }
    return new StorageException(
        credentials.redact(where + " failed: " + failure.getMessage()),
        isNetworkFailure(failure),
        null,
        failure);
  }

  /** The store could not be reached or did not answer in time. */
  private static boolean isNetworkFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IOException
          || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }
}
