package io.pcapoperator.devcluster;

import io.pcapoperator.devcluster.admission.SchemaAdmission;
import io.pcapoperator.devcluster.http.Admission;
import io.pcapoperator.devcluster.http.OpenApiView;
import io.pcapoperator.devcluster.http.TableView;
import io.pcapoperator.devcluster.openapi.OpenApiDocuments;
import io.pcapoperator.devcluster.tables.PrinterTables;
import java.time.Clock;

/** The parts the embedded API is built of by default. */
final class Defaults {
  private Defaults() {}

  static Admission admission() {
    return new SchemaAdmission();
  }

  static TableView tables() {
    return new PrinterTables(Clock.systemUTC());
  }

  static OpenApiView openApi() {
    return new OpenApiDocuments();
  }
}
