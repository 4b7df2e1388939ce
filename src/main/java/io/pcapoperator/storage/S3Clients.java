package io.pcapoperator.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** One S3 client per target (endpoint, region, bucket, addressing and keys), kept until closed. */
final class S3Clients implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final Map<StorageTarget, S3Client> clients = new ConcurrentHashMap<>();

  /** The client of {@code target}, built on first use. */
  S3Client of(StorageTarget target) {
    return clients.computeIfAbsent(target, S3Clients::build);
  }

  /**
   * A client that sends the checksums the caller computes and no others: the SDK's own default
   * checksums go in a chunked trailer that not every S3-compatible store reads.
   */
  private static S3Client build(StorageTarget target) {
    StorageCredentials keys = target.credentials();
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT))
            .region(Region.of(target.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())))
            .forcePathStyle(target.pathStyle())
            .overrideConfiguration(o -> o.addExecutionInterceptor(new WithoutExpectContinue()))
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (target.endpoint() != null) {
      builder.endpointOverride(target.endpoint());
    }
    return builder.build();
  }

  @Override
  public void close() {
    clients.values().forEach(S3Client::close);
    clients.clear();
  }
}
