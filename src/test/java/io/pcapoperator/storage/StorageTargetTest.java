package io.pcapoperator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StorageTargetTest {
  private static final StorageCredentials KEYS = new StorageCredentials("AKID1234", "s3cr3t-5678");

  @Test
  void withoutEndpointItIsAwsS3InUsEast1WithVirtualHostedBuckets() {
    StorageTarget target = StorageTarget.of(null, null, "captures", null, KEYS);

    assertThat(target.endpoint()).isNull();
    assertThat(target.region()).isEqualTo("us-east-1");
    assertThat(target.pathStyle()).isFalse();
  }

  @Test
  void anEndpointMeansPathStyleUnlessToldOtherwise() {
    String r2 = "https://0123.r2.cloudflarestorage.com";

    assertThat(StorageTarget.of(r2, "auto", "captures", null, KEYS))
        .isEqualTo(new StorageTarget(URI.create(r2), "auto", "captures", true, KEYS));
    assertThat(StorageTarget.of(r2, "", "captures", false, KEYS).pathStyle()).isFalse();
  }

  @Test
  void neitherKeyIsPrinted() {
    StorageTarget target = StorageTarget.of("http://127.0.0.1:9000", null, "captures", null, KEYS);

    assertThat(KEYS.toString()).doesNotContain("AKID1234").doesNotContain("s3cr3t-5678");
    assertThat(target.toString())
        .contains("captures")
        .doesNotContain("AKID1234")
        .doesNotContain("s3cr3t-5678");
  }
}
