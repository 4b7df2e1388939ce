package io.pcapoperator.devcluster.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** What a write decided to do with one stored object. */
public sealed interface Change {
  /** Store this object (created or replaced); the store sets its resource version. */
  record Put(ObjectNode object) implements Change {}

  /** Remove the object. */
  record Remove() implements Change {}

  /** Leave the object as it is (a no-op write, which kube answers without a new version). */
  record Keep() implements Change {}
}
