package io.pcapoperator.devcluster.proto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Decodes the protobuf bodies kubectl sends for built-in kinds ({@code kubectl create namespace},
 * {@code create secret}, {@code create configmap}) into the JSON objects the rest of the API works
 * on: the {@code k8s\0} envelope, its {@code runtime.Unknown}, and the fields of Namespace, Secret
 * and ConfigMap with their ObjectMeta, as numbered in Kubernetes' {@code generated.proto}.
 */
public final class KubeProtobuf {
  /** The media type of Kubernetes' protobuf encoding. */
  public static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] MAGIC = {'k', '8', 's', 0};
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KubeProtobuf() {}

  /**
   * The object in {@code body}, or empty when it is of a kind not decoded here.
   *
   * @throws IllegalArgumentException when the body is not a Kubernetes protobuf envelope
   */
  public static Optional<ObjectNode> decode(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, MAGIC.length, MAGIC, 0, 4)) {
      throw new IllegalArgumentException("the body does not start with the k8s protobuf prefix");
    }
    ProtoReader unknown = new ProtoReader(body, MAGIC.length, body.length);
    String apiVersion = "";
    String kind = "";
    byte[] raw = new byte[0];
    while (unknown.next()) {
      switch (unknown.field()) {
        case 1 -> {
          ProtoReader typeMeta = unknown.message();
          while (typeMeta.next()) {
            if (typeMeta.field() == 1) {
              apiVersion = typeMeta.string();
            } else if (typeMeta.field() == 2) {
              kind = typeMeta.string();
            }
          }
        }
        case 2 -> raw = unknown.bytes();
        default -> {
          // contentEncoding and contentType are empty for kubectl's bodies.
        }
      }
    }
    if (!apiVersion.equals("v1")) {
      return Optional.empty();
    }
    ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
    ProtoReader fields = new ProtoReader(raw);
    return switch (kind) {
      case "Namespace" -> Optional.of(namespace(object, fields));
      case "Secret" -> Optional.of(secret(object, fields));
      case "ConfigMap" -> Optional.of(configMap(object, fields));
      default -> Optional.empty();
    };
  }

  private static ObjectNode namespace(ObjectNode object, ProtoReader fields) {
    while (fields.next()) {
      if (fields.field() == 1) {
        object.set("metadata", metadata(fields.message()));
      } else if (fields.field() == 2) {
        ProtoReader spec = fields.message();
        ArrayNode finalizers = NODES.arrayNode();
        while (spec.next()) {
          if (spec.field() == 1) {
            finalizers.add(spec.string());
          }
        }
        if (!finalizers.isEmpty()) {
          object.putObject("spec").set("finalizers", finalizers);
        }
      }
    }
    return object;
  }

  private static ObjectNode secret(ObjectNode object, ProtoReader fields) {
    while (fields.next()) {
      switch (fields.field()) {
        case 1 -> object.set("metadata", metadata(fields.message()));
        case 2 -> mapEntry(object, "data", fields.message(), true);
        case 3 -> object.put("type", fields.string());
        case 4 -> mapEntry(object, "stringData", fields.message(), false);
        case 5 -> object.put("immutable", fields.varint() != 0);
        default -> {
          // No other fields in a v1 Secret.
        }
      }
    }
    return object;
  }

  private static ObjectNode configMap(ObjectNode object, ProtoReader fields) {
    while (fields.next()) {
      switch (fields.field()) {
        case 1 -> object.set("metadata", metadata(fields.message()));
        case 2 -> mapEntry(object, "data", fields.message(), false);
        case 3 -> mapEntry(object, "binaryData", fields.message(), true);
        case 4 -> object.put("immutable", fields.varint() != 0);
        default -> {
          // No other fields in a v1 ConfigMap.
        }
      }
    }
    return object;
  }

  private static ObjectNode metadata(ProtoReader fields) {
    ObjectNode metadata = NODES.objectNode();
    while (fields.next()) {
      switch (fields.field()) {
        case 1 -> metadata.put("name", fields.string());
        case 2 -> metadata.put("generateName", fields.string());
        case 3 -> metadata.put("namespace", fields.string());
        case 11 -> mapEntry(metadata, "labels", fields.message(), false);
        case 12 -> mapEntry(metadata, "annotations", fields.message(), false);
        case 14 -> metadata.withArray("finalizers").add(fields.string());
        default -> {
          // Fields the server sets itself (uid, resourceVersion, timestamps...) or that kubectl
          // create does not send (owner references, managed fields).
        }
      }
    }
    return metadata;
  }

  /** Adds one map entry (key 1, value 2) to the object field {@code name} of {@code target}. */
  private static void mapEntry(ObjectNode target, String name, ProtoReader entry, boolean binary) {
    String key = "";
    String value = "";
    while (entry.next()) {
      if (entry.field() == 1) {
        key = entry.string();
      } else if (entry.field() == 2) {
        value =
            binary
                ? Base64.getEncoder().encodeToString(entry.bytes())
                : new String(entry.bytes(), StandardCharsets.UTF_8);
      }
    }
    target.withObject(name).put(key, value);
  }
}
