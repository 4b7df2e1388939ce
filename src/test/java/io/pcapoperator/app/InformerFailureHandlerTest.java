package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What the operator does when an informer stops. */
class InformerFailureHandlerTest {
  private final List<String> exits = new CopyOnWriteArrayList<>();
  private final InformerFailureHandler handler = new InformerFailureHandler(exits::add);

  @Test
  void aSyncedInformerThatFailsEndsTheProcessWithOneLine() {
    handler.onStop(
        informer("v1/secrets", true),
        new WatcherException(
            "Unexpected exception processing watch event",
            new JsonParseException(null, "Illegal character ((CTRL-CHAR, code 0))\n at [Source]")));

    assertThat(exits)
        .containsExactly(
            "the informer of v1/secrets stopped: Unexpected exception processing watch event:"
                + " Illegal character ((CTRL-CHAR, code 0)); exiting");
  }

  @Test
  void anInformerThatFailsAfterTheOperatorStartedEndsTheProcessEvenBeforeItSynced() {
    handler.onStop(informer("v1/secrets", false), new IllegalStateException("before start"));
    assertThat(exits).as("a failure during start is thrown by Operator.start").isEmpty();

    handler.operatorStarted();
    handler.onStop(informer("v1/secrets", false), new IllegalStateException("after start"));

    assertThat(exits).singleElement().asString().contains("after start").doesNotContain("\n");
  }

  @Test
  void anInformerStoppedWithoutAnErrorLetsTheProcessRun() {
    handler.operatorStarted();
    handler.onStop(informer("v1/secrets", true), null);
    assertThat(exits).isEmpty();
  }

  /** An informer that only says its name and whether it has synced. */
  private static SharedIndexInformer<?> informer(String description, boolean synced) {
    return (SharedIndexInformer<?>)
        Proxy.newProxyInstance(
            InformerFailureHandlerTest.class.getClassLoader(),
            new Class<?>[] {SharedIndexInformer.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "hasSynced" -> synced;
                  case "toString" -> description;
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
