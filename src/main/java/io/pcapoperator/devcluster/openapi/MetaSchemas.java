package io.pcapoperator.devcluster.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The schemas of ObjectMeta and ListMeta, to which every document's kinds refer. */
final class MetaSchemas {

  private MetaSchemas() {}

  /** Adds both to {@code schemas}. */
  static void addTo(ObjectNode schemas) {
    ObjectNode objectMeta = schemas.putObject(SchemaNames.OBJECT_META);
    objectMeta.put("description", "Metadata that all persisted resources must have.");
    objectMeta.put("type", "object");
    ObjectNode properties = objectMeta.putObject("properties");
    for (String field :
        new String[] {"name", "namespace", "generateName", "uid", "resourceVersion"}) {
      properties.putObject(field).put("type", "string");
    }
    properties.putObject("generation").put("type", "integer").put("format", "int64");
    for (String field : new String[] {"creationTimestamp", "deletionTimestamp"}) {
      properties.putObject(field).put("type", "string").put("format", "date-time");
    }
    for (String field : new String[] {"labels", "annotations"}) {
      properties
          .putObject(field)
          .put("type", "object")
          .putObject("additionalProperties")
          .put("type", "string");
    }
    properties
        .putObject("finalizers")
        .put("type", "array")
        .putObject("items")
        .put("type", "string");
    for (String field : new String[] {"ownerReferences", "managedFields"}) {
      properties
          .putObject(field)
          .put("type", "array")
          .putObject("items")
          .put("type", "object")
          .put("x-kubernetes-preserve-unknown-fields", true);
    }
    ObjectNode listMeta = schemas.putObject(SchemaNames.LIST_META);
    listMeta.put("description", "Metadata that synthetic resources must have.");
    listMeta.put("type", "object");
    ObjectNode listProperties = listMeta.putObject("properties");
    for (String field : new String[] {"resourceVersion", "continue"}) {
      listProperties.putObject(field).put("type", "string");
    }
    listProperties.putObject("remainingItemCount").put("type", "integer").put("format", "int64");
  }
}
