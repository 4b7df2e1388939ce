package io.pcapoperator.devcluster;

import io.pcapoperator.devcluster.admission.SchemaAdmission;
import io.pcapoperator.devcluster.http.Admission;
import io.pcapoperator.devcluster.http.OpenApiView;
import io.pcapoperator.devcluster.http.TableView;
import java.util.Optional;

/** The parts the embedded API is built of by default. */
final class Defaults {
  private Defaults() {}

  static Admission admission() {
    return new SchemaAdmission();
  }

  static TableView tables() {
    return null;
  }

  static OpenApiView openApi() {
    return new OpenApiView() {
      @Override
      public com.fasterxml.jackson.databind.node.ObjectNode index(
          java.util.List<io.pcapoperator.devcluster.api.ResourceType> served) {
        return io.pcapoperator.devcluster.http.Json.MAPPER.createObjectNode().putObject("paths");
      }

      @Override
      public Optional<com.fasterxml.jackson.databind.node.ObjectNode> document(
          java.util.List<io.pcapoperator.devcluster.api.ResourceType> served, String path) {
        return Optional.empty();
      }
    };
  }
}
