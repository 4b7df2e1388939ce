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
import java.util.regex.Pattern;

/**
 * Generates the PacketCapture CRD with fabric8's crd-generator, then puts the printer columns in
 * the order users read them (the generator sorts them by JSON path) and writes whole-number bounds
 * as integers: the generator writes {@code 1.0E9}, which YAML 1.1 readers (PyYAML, and so Ansible)
 * take for a string.
 */
final class CrdGeneration {
  /** File name of the generated and the committed CRD. */
  static final String FILE_NAME = "packetcaptures.pcap-operator.io-v1.yml";

  private static final List<String> COLUMN_ORDER =
      List.of("Type", "Phase", "Remote", "ID", "Packets", "Age", "Submitted", "Message");

  private static final Pattern BOUND =
      Pattern.compile(
          "^(\\s*(?:minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf): )"
              + "(-?[0-9]+\\.[0-9]+(?:E[0-9]+)?)$",
          Pattern.MULTILINE);

  private CrdGeneration() {}

  /** Writes the CRD into {@code directory} and returns its path. */
  static Path generateInto(Path directory) throws IOException {
    Files.createDirectories(directory);
    new CRDGenerator()
        .customResourceClasses(PacketCapture.class)
        .forCRDVersions("v1")
        .withPostProcessor(new ColumnOrder())
        .inOutputDir(directory.toFile())
        .generate();
    Path crd = directory.resolve(FILE_NAME);
    Files.writeString(crd, integerBounds(Files.readString(crd)));
    return crd;
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
      ((CustomResourceDefinition) crd)
          .getSpec()
          .getVersions()
          .forEach(
              version ->
                  version
                      .getAdditionalPrinterColumns()
                      .sort(
                          Comparator.comparingInt(
                              (CustomResourceColumnDefinition c) ->
                                  COLUMN_ORDER.indexOf(c.getName()))));
      return crd;
    }
  }
}
