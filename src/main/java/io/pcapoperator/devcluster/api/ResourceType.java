package io.pcapoperator.devcluster.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A kind of object the embedded API serves: a built-in kind or one defined by a
 * CustomResourceDefinition.
 *
 * @param group API group, empty for the core group
 * @param version served version
 * @param kind kind, e.g. {@code PacketCapture}
 * @param plural plural resource name used in URLs
 * @param singular singular resource name
 * @param namespaced whether objects live in a namespace
 * @param shortNames short names kubectl accepts
 * @param categories categories such as {@code all}
 * @param statusSubresource whether {@code /status} is a subresource
 * @param printerColumns columns of {@code kubectl get}, without the leading Name column
 * @param schema the version's {@code openAPIV3Schema}, or {@code null} when objects are not
 *     validated against a schema
 */
public record ResourceType(
    String group,
    String version,
    String kind,
    String plural,
    String singular,
    boolean namespaced,
    List<String> shortNames,
    List<String> categories,
    boolean statusSubresource,
    List<PrinterColumn> printerColumns,
    JsonNode schema) {

  /** {@code v1} for the core group, {@code group/version} otherwise. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** The kind of a list of these objects. */
  public String listKind() {
    return kind + "List";
  }

  /** The URL prefix of the group version: {@code /api/v1} or {@code /apis/group/version}. */
  public String pathPrefix() {
    return group.isEmpty() ? "/api/" + version : "/apis/" + group + "/" + version;
  }

  /** {@code plural.group}, as kubectl names the resource in messages. */
  public String qualifiedPlural() {
    return group.isEmpty() ? plural : plural + "." + group;
  }
}
