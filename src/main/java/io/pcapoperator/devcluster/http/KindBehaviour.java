package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.api.TypeRegistry;
import io.pcapoperator.devcluster.store.Change;
import io.pcapoperator.devcluster.store.ObjectKey;
import io.pcapoperator.devcluster.store.ObjectStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;

/**
 * What the built-in kinds do beyond storing: Secrets fold {@code stringData} into {@code data}, a
 * Namespace is Active and its deletion deletes its content, a CustomResourceDefinition is
 * Established at once and serves (or stops serving) its kinds.
 */
public final class KindBehaviour implements ObjectHooks {
  private final ObjectStore store;
  private final TypeRegistry registry;
  private final Clock clock;

  /** Acts on {@code store} and {@code registry}. */
  public KindBehaviour(ObjectStore store, TypeRegistry registry, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public ObjectNode beforeStore(ResourceType type, ObjectNode object) {
    if (type == BuiltInTypes.SECRETS) {
      foldStringData(object);
    } else if (type == BuiltInTypes.NAMESPACES) {
      String phase = object.path("metadata").has("deletionTimestamp") ? "Terminating" : "Active";
      object.putObject("status").put("phase", phase);
    } else if (type == BuiltInTypes.CRDS) {
      establish(object);
    }
    return object;
  }

  @Override
  public void afterWrite(ResourceType type, ObjectNode before, ObjectNode after) {
    if (type == BuiltInTypes.CRDS) {
      String name = (after != null ? after : before).path("metadata").path("name").asText();
      if (after == null) {
        registry.unregister(name).stream()
            .map(TypeRegistry::storageKey)
            .distinct()
            .forEach(this::dropAll);
      } else {
        registry.register(name, after.path("spec"));
      }
    } else if (type == BuiltInTypes.NAMESPACES && after == null) {
      deleteContent(before.path("metadata").path("name").asText());
    }
  }

  private void deleteContent(String namespace) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    for (String typeKey : store.typesInNamespace(namespace)) {
      for (ObjectNode object : store.list(typeKey, namespace, o -> true).items()) {
        store.write(
            keyOf(typeKey, object),
            current -> {
              if (current == null) {
                return new Change.Keep();
              }
              if (!ObjectWrites.hasFinalizers(current)) {
                return new Change.Remove();
              }
              return current.path("metadata").has("deletionTimestamp")
                  ? new Change.Keep()
                  : new Change.Put(ObjectWrites.markedForDeletion(current, now));
            });
      }
    }
  }

  private void dropAll(String typeKey) {
    for (ObjectNode object : store.list(typeKey, null, o -> true).items()) {
      store.write(keyOf(typeKey, object), current -> new Change.Remove());
    }
  }

  private static ObjectKey keyOf(String typeKey, ObjectNode object) {
    JsonNode metadata = object.path("metadata");
    return new ObjectKey(
        typeKey, metadata.path("namespace").asText(""), metadata.path("name").asText());
  }

  private static void foldStringData(ObjectNode secret) {
    JsonNode stringData = secret.remove("stringData");
    if (stringData != null && stringData.isObject()) {
      ObjectNode data = ObjectWrites.child(secret, "data");
      stringData
          .properties()
          .forEach(
              entry ->
                  data.put(
                      entry.getKey(),
                      Base64.getEncoder()
                          .encodeToString(
                              entry.getValue().asText().getBytes(StandardCharsets.UTF_8))));
    }
    if (secret.path("type").asText("").isEmpty()) {
      secret.put("type", "Opaque");
    }
  }

  private static void establish(ObjectNode crd) {
    ObjectNode status = crd.putObject("status");
    status.set("acceptedNames", crd.path("spec").path("names").deepCopy());
    ArrayNode conditions = status.putArray("conditions");
    String now = crd.path("metadata").path("creationTimestamp").asText();
    for (String condition : List.of("NamesAccepted", "Established")) {
      conditions
          .addObject()
          .put("type", condition)
          .put("status", "True")
          .put("lastTransitionTime", now)
          .put("reason", "NamesAccepted".equals(condition) ? "NoConflicts" : "InitialNamesAccepted")
          .put(
              "message",
              "NamesAccepted".equals(condition)
                  ? "no conflicts found"
                  : "the initial names have been accepted");
    }
    ArrayNode storedVersions = status.putArray("storedVersions");
    for (JsonNode version : crd.path("spec").path("versions")) {
      if (version.path("storage").asBoolean(false)) {
        storedVersions.add(version.path("name").asText());
      }
    }
  }
}
