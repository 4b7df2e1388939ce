package io.pcapoperator.api.v1alpha1;

import static io.pcapoperator.testing.Specs.with;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.pcapoperator.devcluster.admission.CelRule;
import io.pcapoperator.testing.Specs;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the committed CRD's CEL rules (x-kubernetes-validations) with Google's CEL for Java, as a
 * kube-apiserver would on create and update, so that a broken rule fails here and not in a user's
 * cluster.
 */
class CrdCelRulesTest {
  private static List<ValidationRule> rules;
  private static List<CelRule> compiled;

  @BeforeAll
  static void loadRules() throws IOException {
    rules = CrdRules.spec(CrdGeneration.FILE_NAME).getXKubernetesValidations();
    compiled = CrdRules.compile(rules);
  }

  /** A simple spec as the API server stores it, defaults filled in. */
  private static PacketCaptureSpec simple() {
    return with(
        Specs.simple(),
        s -> {
          s.setSystem("magic-transit");
          s.setDeletionPolicy(DeletionPolicy.Stop);
        });
  }

  private static PacketCaptureSpec full() {
    return with(
        simple(),
        s -> {
          s.setType(CaptureType.FULL);
          s.setTimeLimit(3600);
          s.setColoName("ORD");
          s.setDestinationConf("gs://my-pcaps");
        });
  }

  /** The messages of the rules that {@code spec} breaks on create. */
  private static List<String> onCreate(PacketCaptureSpec spec) {
    return broken(spec, null);
  }

  /** The messages of the rules that changing {@code before} to {@code after} breaks. */
  private static List<String> onUpdate(PacketCaptureSpec before, PacketCaptureSpec after) {
    return broken(after, before);
  }

  private static List<String> broken(PacketCaptureSpec spec, PacketCaptureSpec old) {
    return CrdRules.broken(compiled, spec, old);
  }

  @Test
  void everyRuleCompiles() {
    assertThat(rules).hasSize(10);
    assertThat(compiled).filteredOn(CelRule::isTransition).hasSize(1);
    for (int i = 0; i < rules.size(); i++) {
      assertThat(compiled.get(i).compileError()).as(rules.get(i).getRule()).isEmpty();
    }
  }

  @Test
  void validSpecsPass() {
    assertThat(onCreate(simple())).isEmpty();
    assertThat(onCreate(full())).isEmpty();
    assertThat(onCreate(with(simple(), s -> s.setOffsetTime("2026-11-22T08:00:00Z")))).isEmpty();
  }

  @Test
  void typeDependentRulesRejectWhatTheApiWould() {
    assertThat(onCreate(with(simple(), s -> s.setTimeLimit(301))))
        .containsExactly("timeLimit must be at most 300 seconds for a simple capture");
    assertThat(onCreate(with(simple(), s -> s.setPacketLimit(null))))
        .containsExactly("packetLimit is required for a simple capture");
    assertThat(onCreate(with(full(), s -> s.setColoName(null))))
        .containsExactly("coloName and destinationConf are required for a full capture");
    assertThat(onCreate(with(simple(), s -> s.setDestinationConf("s3://b"))))
        .containsExactly("coloName and destinationConf apply to full captures only");
    assertThat(onCreate(with(simple(), s -> s.setByteLimit(10L))))
        .containsExactly("byteLimit applies to full captures only");
    assertThat(onCreate(with(full(), s -> s.setOffsetTime("2026-11-22T08:00:00Z"))))
        .containsExactly("offsetTime applies to simple captures only");
  }

  @Test
  void theCaptureRequestCannotChangeButItsPolicyAndSecretCan() {
    String immutable =
        "the capture request is immutable: only deletionPolicy and credentialsSecretRef may"
            + " change; create a new PacketCapture instead";
    CaptureFilter filter = new CaptureFilter();
    filter.setProtocol(17);

    assertThat(onUpdate(simple(), simple())).isEmpty();
    assertThat(onUpdate(simple(), with(simple(), s -> s.setDeletionPolicy(DeletionPolicy.Orphan))))
        .isEmpty();
    assertThat(
            onUpdate(
                simple(), with(simple(), s -> s.setCredentialsSecretRef(new SecretReference("x")))))
        .isEmpty();
    assertThat(onUpdate(simple(), with(simple(), s -> s.setTimeLimit(200))))
        .containsExactly(immutable);
    assertThat(onUpdate(simple(), with(simple(), s -> s.setFilter(filter))))
        .containsExactly(immutable);
    assertThat(onUpdate(full(), with(full(), s -> s.setDestinationConf("s3://other"))))
        .containsExactly(immutable);
    assertThat(onUpdate(with(simple(), s -> s.setFilter(filter)), simple()))
        .containsExactly(immutable);
  }

  /** A capture adopted by id, as the API server stores it. */
  private static PacketCaptureSpec adopted() {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(Specs.ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference(Specs.SECRET));
    spec.setSystem("magic-transit");
    spec.setCaptureId("66802ca5668e47a2b82c2e6746e45037");
    return spec;
  }

  @Test
  void aCaptureIsEitherRequestedOrAdoptedById() {
    assertThat(onCreate(adopted())).isEmpty();
    assertThat(onCreate(with(adopted(), s -> s.setTimeLimit(60))))
        .containsExactly(
            "captureId adopts a capture as Cloudflare has it: leave out type, timeLimit and the"
                + " other request fields");
    assertThat(onCreate(with(simple(), s -> s.setType(null))))
        .containsExactly(
            "type and timeLimit are required, unless captureId names a capture to adopt");
    assertThat(onUpdate(adopted(), with(adopted(), s -> s.setCaptureId("0".repeat(32)))))
        .containsExactly(
            "the capture request is immutable: only deletionPolicy and credentialsSecretRef may"
                + " change; create a new PacketCapture instead");
    assertThat(onUpdate(simple(), with(simple(), s -> s.setCaptureId("0".repeat(32)))))
        .contains(
            "the capture request is immutable: only deletionPolicy and credentialsSecretRef may"
                + " change; create a new PacketCapture instead");
  }
}
