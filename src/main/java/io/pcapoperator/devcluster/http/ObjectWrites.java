package io.pcapoperator.devcluster.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pcapoperator.devcluster.api.BuiltInTypes;
import io.pcapoperator.devcluster.api.ResourceType;
import io.pcapoperator.devcluster.api.TypeRegistry;
import io.pcapoperator.devcluster.store.Change;
import io.pcapoperator.devcluster.store.JsonSize;
import io.pcapoperator.devcluster.store.ObjectKey;
import io.pcapoperator.devcluster.store.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The object lifecycle rules of kube-apiserver: names, uids, timestamps, generation, status
 * subresource, resource-version preconditions, finalizers and deletion. Every write goes through
 * here and then through the store.
 */
public final class ObjectWrites {
  /** Metadata that the server sets and a write cannot change. */
  private static final List<String> SERVER_METADATA =
      List.of(
          "name",
          "namespace",
          "uid",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "generation");

  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final String NAME_RULE =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
          + " '.', and must start and end with an alphanumeric character (e.g. 'example.com',"
          + " regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  private static final String GENERATE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  /**
   * etcd's default {@code --max-request-bytes} (1.5 MiB): kube-apiserver cannot store a larger
   * object. Here the object's compact JSON is measured (kube stores custom resources as JSON).
   */
  static final long STORED_OBJECT_MAX_BYTES = 1_572_864;

  private final ObjectStore store;
  private final Admission admission;
  private final Clock clock;
  private final ObjectHooks hooks;

  /** Writes into {@code store}, admitting objects with {@code admission}. */
  public ObjectWrites(ObjectStore store, Admission admission, Clock clock, ObjectHooks hooks) {
    this.store = store;
    this.admission = admission;
    this.clock = clock;
    this.hooks = hooks;
  }

  /** Creates {@code body} in {@code namespace}; answers the stored object. */
  public Written create(
      ResourceType type, String namespace, ObjectNode body, WriteOptions options) {
    ObjectNode object = body.deepCopy();
    ObjectNode metadata = metadata(object);
    String name = metadata.path("name").asText("");
    if (name.isEmpty() && metadata.hasNonNull("generateName")) {
      name = metadata.get("generateName").asText() + randomSuffix();
    }
    if (name.isEmpty()) {
      throw Statuses.invalid(
          type, "", "metadata.name", "Required value: name or generateName is required");
    }
    checkName(type, name);
    String objectNamespace = metadata.path("namespace").asText("");
    if (type.namespaced()) {
      if (!objectNamespace.isEmpty() && !objectNamespace.equals(namespace)) {
        throw Statuses.badRequest(
            "the namespace of the provided object does not match the namespace sent on the request");
      }
      requireActiveNamespace(namespace);
      metadata.put("namespace", namespace);
    } else {
      metadata.remove("namespace");
    }
    metadata.put("name", name);
    metadata.put("uid", UUID.randomUUID().toString());
    metadata.put("creationTimestamp", now());
    metadata.put("generation", 1);
    metadata.remove(
        List.of(
            "resourceVersion",
            "deletionTimestamp",
            "deletionGracePeriodSeconds",
            "managedFields",
            "selfLink"));
    object.put("apiVersion", type.apiVersion()).put("kind", type.kind());
    if (type.statusSubresource() && type != BuiltInTypes.NAMESPACES) {
      object.remove("status");
    }
    checkMetadata(type, name, metadata);
    ObjectNode admitted =
        hooks.beforeStore(
            type,
            admission.admit(type, object, null, options.fieldValidation(), options.warnings()));
    ObjectKey key =
        new ObjectKey(TypeRegistry.storageKey(type), type.namespaced() ? namespace : "", name);
    String finalName = name;
    return write(
        type,
        key,
        options,
        current -> {
          if (current != null) {
            throw Statuses.alreadyExists(type, finalName);
          }
          return admitted;
        });
  }

  /**
   * Replaces the object, or its status when {@code statusOnly}, with what {@code change} makes of
   * the stored object; a resource version in the result other than the stored one is a conflict.
   */
  public Written update(
      ResourceType type,
      String namespace,
      String name,
      boolean statusOnly,
      WriteOptions options,
      UnaryOperator<ObjectNode> change) {
    ObjectKey key =
        new ObjectKey(TypeRegistry.storageKey(type), type.namespaced() ? namespace : "", name);
    return write(
        type,
        key,
        options,
        current -> {
          if (current == null) {
            throw Statuses.notFound(type, name);
          }
          return merged(type, current, change.apply(current.deepCopy()), statusOnly, options);
        });
  }

  /**
   * Deletes the object: at once when it has no finalizers, otherwise by marking it with a deletion
   * timestamp. {@code expectedVersion} and {@code expectedUid} are the delete's preconditions.
   */
  public Written delete(
      ResourceType type,
      String namespace,
      String name,
      String expectedVersion,
      String expectedUid,
      boolean dryRun) {
    ObjectKey key =
        new ObjectKey(TypeRegistry.storageKey(type), type.namespaced() ? namespace : "", name);
    return write(
        type,
        key,
        new WriteOptions(dryRun, null, new ArrayList<>()),
        current -> {
          if (current == null) {
            throw Statuses.notFound(type, name);
          }
          JsonNode metadata = current.path("metadata");
          if (expectedVersion != null
              && !expectedVersion.equals(metadata.path("resourceVersion").asText())) {
            throw Statuses.conflict(type, name);
          }
          if (expectedUid != null && !expectedUid.equals(metadata.path("uid").asText())) {
            throw Statuses.conflict(type, name);
          }
          if (!hasFinalizers(current)) {
            return null;
          }
          if (metadata.has("deletionTimestamp")) {
            return current;
          }
          return markedForDeletion(current, now());
        });
  }

  private ObjectNode merged(
      ResourceType type,
      ObjectNode current,
      ObjectNode wanted,
      boolean statusOnly,
      WriteOptions options) {
    JsonNode currentMetadata = current.path("metadata");
    ObjectNode wantedMetadata = metadata(wanted);
    String wantedVersion = wantedMetadata.path("resourceVersion").asText("");
    if (!wantedVersion.isEmpty()
        && !wantedVersion.equals(currentMetadata.path("resourceVersion").asText())) {
      throw Statuses.conflict(type, currentMetadata.path("name").asText());
    }
    if (wantedMetadata.has("name")
        && !wantedMetadata.path("name").asText().equals(currentMetadata.path("name").asText())) {
      throw Statuses.badRequest(
          "the name of the object ("
              + wantedMetadata.path("name").asText()
              + ") does not match the name on the URL ("
              + currentMetadata.path("name").asText()
              + ")");
    }
    ObjectNode next =
        statusOnly ? withStatusOf(current, wanted) : withSpecOf(type, current, wanted);
    metadata(next).put("resourceVersion", currentMetadata.path("resourceVersion").asText());
    if (next.equals(current)) {
      return current;
    }
    checkMetadata(type, currentMetadata.path("name").asText(), next.path("metadata"));
    ObjectNode admitted =
        hooks.beforeStore(
            type,
            admission.admit(type, next, current, options.fieldValidation(), options.warnings()));
    if (admitted.path("metadata").has("deletionTimestamp") && !hasFinalizers(admitted)) {
      return null;
    }
    return admitted;
  }

  /** A status write: the stored object with the wanted status, nothing else. */
  private static ObjectNode withStatusOf(ObjectNode current, ObjectNode wanted) {
    ObjectNode next = current.deepCopy();
    if (wanted.has("status")) {
      next.set("status", wanted.get("status"));
    } else {
      next.remove("status");
    }
    return next;
  }

  /**
   * A write of the object: the wanted one with the server's metadata fields kept, the stored status
   * kept where status is a subresource, and the generation raised when the spec changed.
   */
  private static ObjectNode withSpecOf(ResourceType type, ObjectNode current, ObjectNode wanted) {
    JsonNode currentMetadata = current.path("metadata");
    ObjectNode next = wanted;
    next.put("apiVersion", current.path("apiVersion").asText()).put("kind", type.kind());
    ObjectNode nextMetadata = metadata(next);
    for (String field : SERVER_METADATA) {
      if (currentMetadata.has(field)) {
        nextMetadata.set(field, currentMetadata.get(field));
      } else {
        nextMetadata.remove(field);
      }
    }
    nextMetadata.remove(List.of("managedFields", "selfLink"));
    if (type.statusSubresource()) {
      if (current.has("status")) {
        next.set("status", current.get("status"));
      } else {
        next.remove("status");
      }
    }
    if (!Objects.equals(specOf(current), specOf(next))) {
      nextMetadata.put("generation", currentMetadata.path("generation").asLong(1) + 1);
    }
    return next;
  }

  /**
   * Runs {@code decide} in the store: an answer equal to the stored object keeps it, {@code null}
   * removes it, anything else is stored. A dry run answers what would be stored.
   */
  private Written write(
      ResourceType type, ObjectKey key, WriteOptions options, UnaryOperator<ObjectNode> decide) {
    ObjectNode[] before = new ObjectNode[1];
    ObjectNode[] decided = new ObjectNode[1];
    ObjectNode stored =
        store.write(
            key,
            current -> {
              before[0] = current;
              decided[0] = decide.apply(current);
              if (options.dryRun() || decided[0] == current) {
                return new Change.Keep();
              }
              if (decided[0] == null) {
                return new Change.Remove();
              }
              if (JsonSize.of(decided[0]) > STORED_OBJECT_MAX_BYTES) {
                throw Statuses.storageRequestTooLarge();
              }
              return new Change.Put(decided[0]);
            });
    boolean removed = decided[0] == null;
    if (options.dryRun()) {
      return new Written(removed ? before[0] : decided[0], removed);
    }
    if (stored != before[0]) {
      hooks.afterWrite(type, before[0], removed ? null : stored);
    }
    return new Written(stored, removed);
  }

  private void requireActiveNamespace(String namespace) {
    ObjectNode found =
        store.get(new ObjectKey(TypeRegistry.storageKey(BuiltInTypes.NAMESPACES), "", namespace));
    if (found == null) {
      throw Statuses.notFound(BuiltInTypes.NAMESPACES, namespace);
    }
    if (found.path("metadata").has("deletionTimestamp")) {
      throw Statuses.forbidden(
          BuiltInTypes.NAMESPACES,
          namespace,
          "unable to create new content in namespace "
              + namespace
              + " because it is being terminated");
    }
  }

  private static void checkMetadata(ResourceType type, String name, JsonNode metadata) {
    List<StatusCause> causes = MetadataRules.check(metadata);
    if (!causes.isEmpty()) {
      throw Statuses.invalid(type, name, causes);
    }
  }

  private static void checkName(ResourceType type, String name) {
    if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
      throw Statuses.invalid(
          type, name, "metadata.name", "Invalid value: \"" + name + "\": " + NAME_RULE);
    }
  }

  private static JsonNode specOf(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    copy.remove(List.of("metadata", "status"));
    return copy;
  }

  /** A copy of {@code object} with kube's deletion marks: timestamp, grace 0, next generation. */
  static ObjectNode markedForDeletion(ObjectNode object, String now) {
    ObjectNode marked = object.deepCopy();
    ObjectNode metadata = metadata(marked);
    metadata.put("deletionTimestamp", now);
    metadata.put("deletionGracePeriodSeconds", 0);
    metadata.put("generation", metadata.path("generation").asLong(1) + 1);
    return marked;
  }

  static boolean hasFinalizers(JsonNode object) {
    JsonNode finalizers = object.path("metadata").path("finalizers");
    return finalizers.isArray() && !finalizers.isEmpty();
  }

  static ObjectNode metadata(ObjectNode object) {
    return child(object, "metadata");
  }

  /** The object under {@code field}, created when absent or not an object. */
  static ObjectNode child(ObjectNode object, String field) {
    JsonNode child = object.get(field);
    if (child instanceof ObjectNode node) {
      return node;
    }
    return object.putObject(field);
  }

  private String now() {
    return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String randomSuffix() {
    StringBuilder suffix = new StringBuilder();
    ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int i = 0; i < 5; i++) {
      suffix.append(GENERATE_ALPHABET.charAt(random.nextInt(GENERATE_ALPHABET.length())));
    }
    return suffix.toString();
  }

  /**
   * The outcome of a write.
   *
   * @param object the object stored now, or the last state of a removed one
   * @param removed whether the object is gone (not only marked for deletion)
   */
  public record Written(ObjectNode object, boolean removed) {}
}
