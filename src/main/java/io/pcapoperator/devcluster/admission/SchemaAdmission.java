package io.pcapoperator.devcluster.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.http.Admission;
import io.pcapoperator.devcluster.http.ApiException;
import io.pcapoperator.devcluster.http.StatusCause;
import io.pcapoperator.devcluster.http.Statuses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits custom resources as kube-apiserver does: prunes unknown fields (refused under {@code
 * fieldValidation=Strict}, warned of under {@code Warn}), applies defaults, validates against the
 * structural schema and then runs the CEL rules, answering 422 with kube's messages. On updates,
 * unchanged values are ratcheted: not checked again by the schema, and only warned of by CEL. Kinds
 * without a schema pass unchanged. Each kind's schema is compiled once.
 */
public final class SchemaAdmission implements Admission {
  private static final String RULES_NOT_CHECKED =
      "some validation rules were not checked because the object was invalid; correct the existing"
          + " errors to complete validation";

  private final Map<TypeKey, Schema> schemas = new ConcurrentHashMap<>();

  @Override
  public ObjectNode admit(
      ResourceType type,
      ObjectNode object,
      ObjectNode old,
      String fieldValidation,
      List<String> warnings) {
    if (type.schema() == null) {
      return object;
    }
    Schema schema = schemas.computeIfAbsent(new TypeKey(type), key -> Schema.of(type.schema()));
    List<String> unknown = Pruner.prune(object, schema);
    if (!unknown.isEmpty()) {
      if ("Strict".equals(fieldValidation)) {
        throw strictDecodingError(type, unknown);
      }
      if ("Warn".equals(fieldValidation)) {
        unknown.forEach(path -> warnings.add(unknownField(path)));
      }
    }
    Defaulter.apply(object, schema);
    ObjectNode stored = asRead(old, schema);
    List<FieldError> errors = new ArrayList<>(SchemaValidator.validate(object, stored, schema));
    if (errors.stream().anyMatch(error -> error.type().blocksRules())) {
      errors.add(new FieldError(ErrorType.INVALID, "<nil>", "\"null\"", RULES_NOT_CHECKED));
    } else {
      errors.addAll(CelValidator.validate(object, stored, schema, warnings));
    }
    if (!errors.isEmpty()) {
      List<StatusCause> causes = new ArrayList<>();
      errors.forEach(error -> causes.add(error.cause()));
      throw Statuses.invalid(type, object.path("metadata").path("name").asText(), causes);
    }
    return object;
  }

  /** The stored object as kube reads it from storage: defaulted by the current schema. */
  private static ObjectNode asRead(ObjectNode old, Schema schema) {
    if (old == null) {
      return null;
    }
    ObjectNode read = old.deepCopy();
    Defaulter.apply(read, schema);
    return read;
  }

  private static ApiException strictDecodingError(ResourceType type, List<String> unknown) {
    List<String> fields = new ArrayList<>();
    unknown.forEach(path -> fields.add(unknownField(path)));
    return Statuses.badRequest(
        type.kind()
            + " in version \""
            + type.version()
            + "\" cannot be handled as a "
            + type.kind()
            + ": strict decoding error: "
            + String.join(", ", fields));
  }

  private static String unknownField(String path) {
    return "unknown field \"" + path + "\"";
  }

  /** A kind by identity: a CRD applied again is a new kind with a schema to compile again. */
  private record TypeKey(ResourceType type) {
    @Override
    public boolean equals(Object other) {
      return other instanceof TypeKey key && key.type == type;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(type);
    }
  }
}
