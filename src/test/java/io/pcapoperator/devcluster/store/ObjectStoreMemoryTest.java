package io.pcapoperator.devcluster.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class ObjectStoreMemoryTest {
  private static final int MIB = 1024 * 1024;

  @Test
  void deletedLargeObjectsAreLetGoOnceTheHistoryBoundIsReached() {
    ObjectStore store = new ObjectStore(10_000, 4L * MIB);
    List<WeakReference<ObjectNode>> stored = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ObjectNode large = object("large-" + i, MIB);
      stored.add(new WeakReference<>(store.write(key("large-" + i), c -> new Change.Put(large))));
    }
    for (int i = 0; i < 6; i++) {
      store.write(key("large-" + i), c -> new Change.Remove());
    }
    for (int i = 0; i < 4; i++) {
      ObjectNode small = object("small-" + i, 10);
      store.write(key("small-" + i), c -> new Change.Put(small));
    }

    assertThat(store.list("configmaps", null, o -> true).items()).hasSize(4);
    assertThat(store.historyBytes()).isLessThanOrEqualTo(4L * MIB);
    Awaitility.await()
        .until(
            () -> {
              System.gc();
              return stored.stream().allMatch(reference -> reference.get() == null);
            });
  }

  private static ObjectKey key(String name) {
    return new ObjectKey("configmaps", "default", name);
  }

  private static ObjectNode object(String name, int dataBytes) {
    ObjectNode object = JsonNodeFactory.instance.objectNode();
    object.putObject("metadata").put("name", name).put("namespace", "default");
    object.putObject("data").put("k", "x".repeat(dataBytes));
    return object;
  }
}
