package io.pcapoperator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.pcapoperator.devcluster.admission.CelRule;
import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the committed PcapBucket CRD's CEL rules with Google's CEL for Java, as a kube-apiserver
 * would: the spec's immutable bucket and account, and the challenge's one source.
 */
class BucketCelRulesTest {
  private static List<CelRule> specRules;
  private static List<CelRule> challengeRules;

  @BeforeAll
  static void loadRules() throws IOException {
    JSONSchemaProps spec = CrdRules.spec(CrdGeneration.BUCKET_FILE_NAME);
    specRules = CrdRules.compile(spec.getXKubernetesValidations());
    challengeRules =
        CrdRules.compile(spec.getProperties().get("challenge").getXKubernetesValidations());
  }

  private static PcapBucketSpec spec(Consumer<PcapBucketSpec> change) {
    PcapBucketSpec spec = new PcapBucketSpec();
    spec.setAccountId("023e105f4ecef8ad9ca31a8372d0c353");
    spec.setCredentialsSecretRef(new SecretReference("cloudflare-api"));
    spec.setDestinationConf("s3://pcaps/dir?region=us-east-1");
    change.accept(spec);
    return spec;
  }

  private static List<String> broken(List<CelRule> rules, Object self, Object old) {
    return CrdRules.broken(rules, self, old);
  }

  @Test
  void everyRuleCompiles() {
    assertThat(specRules).hasSize(1).allMatch(CelRule::isTransition);
    assertThat(challengeRules).hasSize(1);
    assertThat(specRules).allSatisfy(r -> assertThat(r.compileError()).isEmpty());
    assertThat(challengeRules).allSatisfy(r -> assertThat(r.compileError()).isEmpty());
  }

  @Test
  void theChallengeHasAtMostOneSource() {
    BucketChallenge both = new BucketChallenge();
    both.setValue("contents");
    S3Challenge s3 = new S3Challenge();
    s3.setCredentialsSecretRef(new StorageSecretReference("bucket-reader"));
    both.setS3(s3);
    BucketChallenge value = new BucketChallenge();
    value.setValue("contents");

    assertThat(broken(challengeRules, both, null))
        .containsExactly("give at most one of challenge.s3 and challenge.value");
    assertThat(broken(challengeRules, value, null)).isEmpty();
    assertThat(broken(challengeRules, new BucketChallenge(), null)).isEmpty();
  }

  @Test
  void theAccountAndTheBucketCannotChangeButTheRestCan() {
    String immutable =
        "accountId and destinationConf are immutable; create a new PcapBucket for another bucket";
    PcapBucketSpec before = spec(s -> {});

    assertThat(
            broken(
                specRules,
                spec(
                    s -> {
                      s.setDeletionPolicy(BucketDeletionPolicy.Orphan);
                      s.setChallenge(new BucketChallenge());
                      s.getChallenge().setValue("contents");
                      s.setCredentialsSecretRef(new SecretReference("other"));
                    }),
                before))
        .isEmpty();
    assertThat(broken(specRules, spec(s -> s.setDestinationConf("gs://other")), before))
        .containsExactly(immutable);
    assertThat(broken(specRules, spec(s -> s.setAccountId("0".repeat(32))), before))
        .containsExactly(immutable);
  }
}
