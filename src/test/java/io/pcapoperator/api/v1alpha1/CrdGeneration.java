package io.pcapoperator.api.v1alpha1;

import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * Generates the PacketCapture CRD with fabric8's crd-generator, then puts the printer columns in
 * the order users read them (the generator sorts them by JSON path).
 */
final class CrdGeneration {
  /** File name of the generated and the committed CRD. */
  static final String FILE_NAME = "packetcaptures.pcap-operator.io-v1.yml";

  private static final List<String> COLUMN_ORDER =
      List.of("Type", "Phase", "Remote", "ID", "Packets", "Age", "Submitted", "Message");

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
    return directory.resolve(FILE_NAME);
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
