package io.pcapoperator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures pass if tried again, and what their messages say. */
class StorageFailuresTest {
  private static final StorageCredentials KEYS = new StorageCredentials("AKID1234", "s3cr3t-5678");
  private static final StorageTarget TARGET = StorageTarget.of(null, null, "captures", null, KEYS);

  @Test
  void serverErrorsAndThrottlingAreTransient() {
    assertThat(translate(503, "ServiceUnavailable").isTransient()).isTrue();
    assertThat(translate(500, "InternalError").isTransient()).isTrue();
    assertThat(translate(429, "TooManyRequests").isTransient()).isTrue();
    assertThat(translate(503, "SlowDown").isTransient()).isTrue();
    assertThat(translate(400, "RequestTimeout").isTransient()).isTrue();
  }

  @Test
  void refusalsThatNeedTheUserArePermanent() {
    assertThat(translate(403, "AccessDenied").isTransient()).isFalse();
    assertThat(translate(404, "NoSuchBucket").isTransient()).isFalse();
    assertThat(translate(400, "KeyTooLongError").isTransient()).isFalse();
    assertThat(translate(400, "InvalidBucketName").isTransient()).isFalse();
  }

  @Test
  void anAnswerWithoutBodyHasOnlyItsStatus() {
    StorageException denied =
        StorageFailures.of(
            S3Exception.builder()
                .statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().build())
                .build(),
            "head",
            TARGET,
            "a.pcap");

    assertThat(denied.isTransient()).isFalse();
    assertThat(denied.errorCode()).isNull();
    assertThat(denied.getMessage()).isEqualTo("head s3://captures/a.pcap: HTTP 403");
  }

  @Test
  void timeoutsAndIoErrorsAreTransient() {
    StorageException timedOut =
        StorageFailures.of(
            ApiCallTimeoutException.builder().message("took too long").build(),
            "get",
            TARGET,
            "a.pcap");
    StorageException refused =
        StorageFailures.of(
            SdkClientException.create("Unable to execute HTTP request", new IOException("refused")),
            "get",
            TARGET,
            "a.pcap");

    assertThat(timedOut.isTransient()).isTrue();
    assertThat(refused.isTransient()).isTrue();
    assertThat(refused.getMessage())
        .isEqualTo("get s3://captures/a.pcap failed: Unable to execute HTTP request");
  }

  @Test
  void theMessageNamesBucketKeyAndCodeAndRedactsKeysTheStoreEchoes() {
    StorageException denied =
        StorageFailures.of(
            S3Exception.builder()
                .statusCode(403)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("InvalidAccessKeyId")
                        .errorMessage("No such key AKID1234 (secret s3cr3t-5678)")
                        .build())
                .build(),
            "put",
            TARGET,
            "edge/a.pcap");

    assertThat(denied.getMessage())
        .isEqualTo(
            "put s3://captures/edge/a.pcap: HTTP 403 InvalidAccessKeyId: No such key ***"
                + " (secret ***)");
    assertThat(denied.errorCode()).isEqualTo("InvalidAccessKeyId");
  }

  private static StorageException translate(int status, String code) {
    return StorageFailures.of(
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
            .build(),
        "put",
        TARGET,
        "a.pcap");
  }
}
