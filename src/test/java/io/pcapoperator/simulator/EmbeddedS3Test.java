package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The embedded S3 server is no more lenient than S3: signatures and digests are checked. */
class EmbeddedS3Test {
  private static final String ACCESS_KEY = "dev-access-key";
  private static final String SECRET = "dev-secret-key";
  private static final byte[] CONTENT = "packets".getBytes(StandardCharsets.UTF_8);

  private EmbeddedS3 server;

  @BeforeEach
  void start() {
    server = EmbeddedS3.start(0, ACCESS_KEY, SECRET, List.of("pcap-demo"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void theBucketsGivenExistAndTheRightKeysWriteAndRead() {
    try (S3Client s3 = client(ACCESS_KEY, SECRET)) {
      s3.putObject(
          r -> r.bucket("pcap-demo").key("a/b.pcap").contentType("application/vnd.tcpdump.pcap"),
          RequestBody.fromBytes(CONTENT));

      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("pcap-demo");
      assertThat(s3.headObject(r -> r.bucket("pcap-demo").key("a/b.pcap")).contentType())
          .isEqualTo("application/vnd.tcpdump.pcap");
      assertThat(s3.getObjectAsBytes(r -> r.bucket("pcap-demo").key("a/b.pcap")).asByteArray())
          .isEqualTo(CONTENT);
    }
  }

  @Test
  void aWrongSecretOrAccessKeyIsRefused() {
    for (S3Client wrong : List.of(client(ACCESS_KEY, "wrong-secret"), client("other", SECRET))) {
      try (S3Client s3 = wrong) {
        // A request without a body: the refusal is read whole, however early the server answers.
        S3Exception refused =
            catchThrowableOfType(
                S3Exception.class, () -> s3.listObjectsV2(r -> r.bucket("pcap-demo")));
        assertThat(refused.statusCode()).isEqualTo(403);
      }
    }
  }

  @Test
  void anUnsignedRequestIsRefused() throws Exception {
    HttpResponse<String> anonymous =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.endpoint() + "/pcap-demo/x"))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(CONTENT))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(anonymous.statusCode()).isEqualTo(403);
  }

  @Test
  void aPutWhoseContentMd5DoesNotMatchItsBytesIsRefused() throws Exception {
    String md5OfOtherBytes =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("MD5").digest("other".getBytes(StandardCharsets.UTF_8)));
    try (S3Client s3 = client(ACCESS_KEY, SECRET)) {
      S3Exception refused =
          catchThrowableOfType(
              S3Exception.class,
              () ->
                  s3.putObject(
                      r -> r.bucket("pcap-demo").key("x").contentMD5(md5OfOtherBytes),
                      RequestBody.fromBytes(CONTENT)));

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
      assertThat(s3.listObjectsV2(r -> r.bucket("pcap-demo")).contents()).isEmpty();
    }
  }

  @Test
  void aPortInUseIsABindFailure() {
    assertThatThrownBy(() -> EmbeddedS3.start(server.port(), ACCESS_KEY, SECRET, List.of()))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(BindException.class);
  }

  private S3Client client(String accessKey, String secret) {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .endpointOverride(server.endpoint())
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
        .build();
  }
}
