package io.pcapoperator.devcluster.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A change to a stored object, as a watch reports it.
 *
 * @param type {@code ADDED}, {@code MODIFIED} or {@code DELETED}
 * @param typeKey the key of the object's kind in the store
 * @param object the object after the change (before it, for a deletion), never modified later
 * @param resourceVersion the store's resource version after the change
 */
public record WatchEvent(String type, String typeKey, ObjectNode object, long resourceVersion) {}
