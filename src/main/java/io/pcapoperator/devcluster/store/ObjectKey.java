package io.pcapoperator.devcluster.store;

/**
 * Where an object lives in the store.
 *
 * @param typeKey the key of its kind, e.g. {@code pcap-operator.io/packetcaptures}
 * @param namespace its namespace, empty for cluster-scoped objects
 * @param name its name
 */
public record ObjectKey(String typeKey, String namespace, String name) {}
