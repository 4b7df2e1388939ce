package io.pcapoperator.storage;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where a capture's file is stored: its key, and the {@code s3://} URI that names it. */
public final class ObjectKeys {
  private ObjectKeys() {}

  /**
   * The key {@code <prefix>/<namespace>/<name>/<id>.pcap}: no leading slash when the prefix is
   * empty, and one slash between parts whatever slashes the prefix starts or ends with.
   *
   * @param prefix the key prefix, {@code null} or empty for none
   * @param namespace the capture's namespace
   * @param name the capture's name
   * @param id the remote capture's id
   */
  public static String pcap(String prefix, String namespace, String name, String id) {
    return Stream.of(prefix == null ? "" : prefix, namespace, name, id + ".pcap")
        .flatMap(part -> Stream.of(part.split("/")))
        .filter(segment -> !segment.isEmpty())
        .collect(Collectors.joining("/"));
  }

  /** {@code s3://<bucket>/<key>}. */
  public static String uri(String bucket, String key) {
    return "s3://" + bucket + "/" + key;
  }
}
