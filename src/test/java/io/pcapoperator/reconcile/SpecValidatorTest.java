package io.pcapoperator.reconcile;

import static io.pcapoperator.testing.Specs.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.api.v1alpha1.CaptureFilter;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.testing.Specs;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpecValidatorTest {
  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private final SpecValidator validator = new SpecValidator(Clock.fixed(NOW, ZoneOffset.UTC));

  static PacketCaptureSpec simple() {
    return with(Specs.simple(), s -> s.setPacketLimit(10000));
  }

  static PacketCaptureSpec full() {
    return with(Specs.full(3600), s -> s.setByteLimit(100_000_000L));
  }

  @Test
  void acceptsValidSimpleAndFullSpecs() {
    PacketCaptureSpec filtered = simple();
    CaptureFilter filter = new CaptureFilter();
    filter.setDestinationAddress("203.0.113.7");
    filter.setDestinationPort(443);
    filter.setProtocol(6);
    filtered.setFilter(filter);
    filtered.setOffsetTime("2026-11-22T08:00:00Z");

    assertThat(validator.violations(simple())).isEmpty();
    assertThat(validator.violations(full())).isEmpty();
    assertThat(validator.violations(filtered)).isEmpty();
  }

  @Test
  void namesEachMissingRequiredField() {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    assertThat(validator.violations(spec))
        .containsExactly(
            "spec.accountId: is required",
            "spec.credentialsSecretRef.name: is required",
            "spec.type: is required: simple or full");
    assertThat(validator.violations(null)).containsExactly("spec: is required");
  }

  @Test
  void simpleCaptureRules() {
    assertThat(validator.violations(with(simple(), s -> s.setTimeLimit(301))))
        .containsExactly(
            "spec.timeLimit: must be between 1 and 300 seconds for a simple capture (got 301)");
    assertThat(validator.violations(with(simple(), s -> s.setTimeLimit(0))))
        .containsExactly(
            "spec.timeLimit: must be between 1 and 300 seconds for a simple capture (got 0)");
    assertThat(validator.violations(with(simple(), s -> s.setTimeLimit(null))))
        .containsExactly("spec.timeLimit: is required");
    assertThat(validator.violations(with(simple(), s -> s.setPacketLimit(null))))
        .containsExactly("spec.packetLimit: is required for a simple capture");
    assertThat(validator.violations(with(simple(), s -> s.setPacketLimit(10001))))
        .containsExactly("spec.packetLimit: must be between 1 and 10000 (got 10001)");
    assertThat(validator.violations(with(simple(), s -> s.setByteLimit(5L))))
        .containsExactly("spec.byteLimit: applies to full captures only");
    assertThat(validator.violations(with(simple(), s -> s.setColoName("ORD"))))
        .containsExactly("spec.coloName: applies to full captures only");
    assertThat(validator.violations(with(simple(), s -> s.setDestinationConf("s3://b"))))
        .containsExactly("spec.destinationConf: applies to full captures only");
  }

  @Test
  void offsetTimeMustBeRfc3339WithinTheLastDay() {
    assertThat(validator.violations(with(simple(), s -> s.setOffsetTime("yesterday"))))
        .containsExactly("spec.offsetTime: must be an RFC 3339 time such as 2026-11-22T08:00:00Z");
    assertThat(validator.violations(with(simple(), s -> s.setOffsetTime("2026-11-21T11:59:59Z"))))
        .containsExactly("spec.offsetTime: must be within the last 24 hours");
    assertThat(validator.violations(with(simple(), s -> s.setOffsetTime("2026-11-22T12:00:01Z"))))
        .containsExactly("spec.offsetTime: must not be in the future");
    assertThat(
            validator.violations(with(simple(), s -> s.setOffsetTime("2026-11-22T13:30:00+02:00"))))
        .isEmpty();
  }

  @Test
  void fullCaptureRules() {
    assertThat(validator.violations(with(full(), s -> s.setTimeLimit(86401))))
        .containsExactly(
            "spec.timeLimit: must be between 1 and 86400 seconds for a full capture (got 86401)");
    assertThat(validator.violations(with(full(), s -> s.setColoName(null))))
        .containsExactly("spec.coloName: is required for a full capture");
    assertThat(validator.violations(with(full(), s -> s.setColoName("Chicago!"))))
        .containsExactly("spec.coloName: must be a colo like ord02 or a city code like ORD");
    assertThat(validator.violations(with(full(), s -> s.setDestinationConf(null))))
        .containsExactly("spec.destinationConf: is required for a full capture");
    assertThat(validator.violations(with(full(), s -> s.setDestinationConf("ftp://bucket"))))
        .containsExactly("spec.destinationConf: must be an s3://, gs:// or r2:// bucket URI");
    assertThat(validator.violations(with(full(), s -> s.setByteLimit(1_000_000_001L))))
        .containsExactly("spec.byteLimit: must be between 1 and 1000000000 (got 1000000001)");
    assertThat(validator.violations(with(full(), s -> s.setOffsetTime("2026-11-22T08:00:00Z"))))
        .containsExactly("spec.offsetTime: applies to simple captures only");
  }

  @Test
  void accountSystemAndSecretRules() {
    assertThat(validator.violations(with(simple(), s -> s.setAccountId("ACCOUNT"))))
        .containsExactly("spec.accountId: must be 32 lowercase hex characters");
    assertThat(validator.violations(with(simple(), s -> s.setSystem("magic-wan"))))
        .containsExactly("spec.system: must be magic-transit (got magic-wan)");
    assertThat(
            validator.violations(
                with(simple(), s -> s.setCredentialsSecretRef(new SecretReference("Bad_Name")))))
        .containsExactly("spec.credentialsSecretRef.name: must be a valid Secret name");
  }

  @ParameterizedTest
  @ValueSource(strings = {"256.1.1.1", "10.0.0", "01.2.3.4", "2001:db8::1", "host.example"})
  void filterAddressesMustBeIpv4(String address) {
    CaptureFilter filter = new CaptureFilter();
    filter.setSourceAddress(address);
    assertThat(validator.violations(with(simple(), s -> s.setFilter(filter))))
        .containsExactly(
            "spec.filter.sourceAddress: must be an IPv4 address such as 203.0.113.7 (got "
                + address
                + ")");
  }

  @Test
  void filterPortsAndProtocolRanges() {
    CaptureFilter filter = new CaptureFilter();
    filter.setSourcePort(0);
    filter.setDestinationPort(65536);
    filter.setProtocol(256);
    assertThat(validator.violations(with(simple(), s -> s.setFilter(filter))))
        .containsExactly(
            "spec.filter.sourcePort: must be between 1 and 65535 (got 0)",
            "spec.filter.destinationPort: must be between 1 and 65535 (got 65536)",
            "spec.filter.protocol: must be between 0 and 255 (got 256)");
  }
}
