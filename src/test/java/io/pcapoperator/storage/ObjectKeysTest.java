package io.pcapoperator.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {
  @Test
  void theKeyIsPrefixNamespaceNameAndIdWithSingleSlashes() {
    assertThat(ObjectKeys.pcap("pcaps", "edge", "ord", "f3a1"))
        .isEqualTo("pcaps/edge/ord/f3a1.pcap");
    assertThat(ObjectKeys.pcap("team/pcaps/", "edge", "ord", "f3a1"))
        .isEqualTo("team/pcaps/edge/ord/f3a1.pcap");
    assertThat(ObjectKeys.pcap("/pcaps//", "edge", "ord", "f3a1"))
        .isEqualTo("pcaps/edge/ord/f3a1.pcap");
  }

  @Test
  void anEmptyPrefixLeavesNoLeadingSlash() {
    assertThat(ObjectKeys.pcap("", "edge", "ord", "f3a1")).isEqualTo("edge/ord/f3a1.pcap");
    assertThat(ObjectKeys.pcap(null, "edge", "ord", "f3a1")).isEqualTo("edge/ord/f3a1.pcap");
  }

  @Test
  void theUriNamesBucketAndKey() {
    assertThat(ObjectKeys.uri("captures", "edge/ord/f3a1.pcap"))
        .isEqualTo("s3://captures/edge/ord/f3a1.pcap");
  }
}
