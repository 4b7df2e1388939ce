package io.pcapoperator.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.api.model.apiextensions.v1.ValidationRule;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed CRDs under {@code crds/}, and their copies in the Helm chart and the kustomize
 * base, must be exactly what the Java model generates. Run {@code mvn test -Dtest=CrdDriftTest
 * -DupdateCrds=true} to rewrite them all after changing the model.
 */
class CrdDriftTest {
  private static final Path COMMITTED = Path.of("crds", CrdGeneration.FILE_NAME);
  private static final Path COMMITTED_BUCKET = Path.of("crds", CrdGeneration.BUCKET_FILE_NAME);
  private static final List<Path> DIRECTORIES =
      List.of(
          Path.of("crds"),
          Path.of("helm", "pcap-operator", "crds"),
          Path.of("config", "crd", "bases"));

  @Test
  void committedCrdsMatchTheModel(@TempDir Path tmp) throws IOException {
    CrdGeneration.generateInto(tmp);
    for (String name : CrdGeneration.FILE_NAMES) {
      Path generated = tmp.resolve(name);
      for (Path directory : DIRECTORIES) {
        Path copy = directory.resolve(name);
        if (Boolean.getBoolean("updateCrds")) {
          Files.copy(generated, copy, StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(copy)
            .as("%s is stale: run mvn test -Dtest=CrdDriftTest -DupdateCrds=true", copy)
            .hasSameTextualContentAs(generated);
      }
    }
  }

  @Test
  void committedCrdWritesWholeNumberBoundsAsIntegers() throws IOException {
    String text = Files.readString(COMMITTED);
    assertThat(text)
        .contains("maximum: 1000000000", "maximum: 10000", "minimum: 1")
        .doesNotContainPattern("(?m)(minimum|maximum): .*[.E]");
  }

  @Test
  void committedCrdCarriesColumnsLimitsAndRules() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(Files.readString(COMMITTED), CustomResourceDefinition.class);
    var version = crd.getSpec().getVersions().get(0);

    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("pcap", "pcaps");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Type", "Phase", "Remote", "ID", "Packets", "Age", "Submitted", "Message");

    JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getRequired()).containsExactlyInAnyOrder("accountId", "credentialsSecretRef");
    assertThat(spec.getProperties().get("timeLimit").getMaximum()).isEqualTo(86400.0);
    assertThat(spec.getProperties().get("packetLimit").getMaximum()).isEqualTo(10000.0);
    assertThat(spec.getProperties().get("byteLimit").getMaximum()).isEqualTo(1e9);
    assertThat(spec.getProperties().get("type").getEnum())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("\"simple\"", "\"full\"");
    assertThat(
            spec.getProperties().get("filter").getProperties().get("destinationPort").getMaximum())
        .isEqualTo(65535.0);
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getMessage)
        .contains(
            "packetLimit is required for a simple capture",
            "coloName and destinationConf are required for a full capture",
            "timeLimit must be at most 300 seconds for a simple capture",
            "type and timeLimit are required, unless captureId names a capture to adopt");
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getRule)
        .anyMatch(rule -> rule.contains("oldSelf"));
  }

  @Test
  void committedBucketCrdCarriesColumnsAndRules() throws IOException {
    CustomResourceDefinition crd =
        Serialization.unmarshal(Files.readString(COMMITTED_BUCKET), CustomResourceDefinition.class);
    var version = crd.getSpec().getVersions().get(0);

    assertThat(crd.getSpec().getScope()).isEqualTo("Namespaced");
    assertThat(crd.getSpec().getNames().getShortNames()).containsExactly("pcapbkt");
    assertThat(version.getSubresources().getStatus()).isNotNull();
    assertThat(version.getAdditionalPrinterColumns())
        .extracting(CustomResourceColumnDefinition::getName)
        .containsExactly("Bucket", "Phase", "Filename", "Age", "Ownership", "Message");
    JSONSchemaProps spec = version.getSchema().getOpenAPIV3Schema().getProperties().get("spec");
    assertThat(spec.getRequired())
        .containsExactlyInAnyOrder("accountId", "credentialsSecretRef", "destinationConf");
    assertThat(spec.getProperties().get("deletionPolicy").getDefault()).isNull();
    assertThat(spec.getProperties().get("deletionPolicy").getDescription())
        .contains("created is deleted and one it adopted is kept");
    assertThat(spec.getXKubernetesValidations())
        .extracting(ValidationRule::getRule)
        .anyMatch(rule -> rule.contains("oldSelf"));
    assertThat(
            spec.getProperties().get("challenge").getXKubernetesValidations().get(0).getMessage())
        .isEqualTo("give at most one of challenge.s3 and challenge.value");
  }
}
