package io.pcapoperator.api.v1alpha1;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Generates the PacketCapture and PcapBucket CRDs with fabric8's crd-generator, then puts the
 * printer columns in the order users read them (the generator sorts them by JSON path) and writes
 * whole-number bounds as integers: the generator writes {@code 1.0E9}, which YAML 1.1 readers
 * (PyYAML, and so Ansible) take for a string.
 */
final class CrdGeneration {
  /** File name of the generated and the committed PacketCapture CRD. */
  static final String FILE_NAME = "packetcaptures.pcap-operator.io-v1.yml";

  /** File name of the generated and the committed PcapBucket CRD. */
  static final String BUCKET_FILE_NAME = "pcapbuckets.pcap-operator.io-v1.yml";

  /** Every generated CRD's file name. */
  static final List<String> FILE_NAMES = List.of(FILE_NAME, BUCKET_FILE_NAME);

  private static final Map<String, List<String>> COLUMN_ORDER =
      Map.of(
          "PacketCapture",
          List.of("Type", "Phase", "Remote", "ID", "Packets", "Age", "Submitted", "Message"),
          "PcapBucket",
          List.of("Bucket", "Phase", "Filename", "Age", "Ownership", "Message"));

  private static final Pattern BOUND =
      Pattern.compile(
          "^(\\s*(?:minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf): )"
              + "(-?[0-9]+\\.[0-9]+(?:E[0-9]+)?)$",
          Pattern.MULTILINE);

  private CrdGeneration() {}

  /** Writes the CRDs into {@code directory}, named as {@link #FILE_NAMES} say. */
  static void generateInto(Path directory) throws IOException {
    Files.createDirectories(directory);
    new CRDGenerator()
        .customResourceClasses(PacketCapture.class, PcapBucket.class)
        .forCRDVersions("v1")
        .withPostProcessor(new ColumnOrder())
        .inOutputDir(directory.toFile())
        .generate();
    for (String name : FILE_NAMES) {
      Path crd = directory.resolve(name);
      Files.writeString(crd, integerBounds(Files.readString(crd)));
    }
  }

  /** {@code maximum: 1.0E9} and {@code minimum: 1.0} become {@code 1000000000} and {@code 1}. */
  static String integerBounds(String yaml) {
    return BOUND
        .matcher(yaml)
        .replaceAll(
            m -> {
              BigDecimal value = new BigDecimal(m.group(2));
              String written =
                  value.stripTrailingZeros().scale() <= 0
                      ? value.toBigIntegerExact().toString()
                      : m.group(2);
              return m.group(1) + written;
            });
  }

  private static final class ColumnOrder implements CRDPostProcessor {
    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
      CustomResourceDefinition definition = (CustomResourceDefinition) crd;
      List<String> order = COLUMN_ORDER.get(definition.getSpec().getNames().getKind());
      definition
          .getSpec()
          .getVersions()
          .forEach(
              version ->
                  version
                      .getAdditionalPrinterColumns()
                      .sort(
                          Comparator.comparingInt(
                              (CustomResourceColumnDefinition c) -> order.indexOf(c.getName()))));
      return crd;
    }
  }
}
