package io.pcapoperator.app;

import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JOSDK's informer-stopped handler: an informer that stops with an error once it had synced, or
 * once the operator had started, sees no more changes, so the operator says why in one log line and
 * ends the process rather than run on half blind. An informer that fails while the operator starts
 * is left to {@code Operator.start}, which throws.
 */
final class InformerFailureHandler {
  private static final Logger LOG = LoggerFactory.getLogger(InformerFailureHandler.class);

  private final ProcessExit exit;
  private final AtomicBoolean operatorStarted = new AtomicBoolean();

  InformerFailureHandler(ProcessExit exit) {
    this.exit = exit;
  }

  /** From now on every informer that fails ends the process. */
  void operatorStarted() {
    operatorStarted.set(true);
  }

  /** Called by JOSDK when {@code informer} stops; {@code error} is null when it was stopped. */
  void onStop(SharedIndexInformer<?> informer, Throwable error) {
    if (error == null || !(operatorStarted.get() || informer.hasSynced())) {
      return;
    }
    String line = "the informer of " + informer + " stopped: " + describe(error) + "; exiting";
    LOG.error(line);
    exit.exit(line);
  }

  /** The first line of each distinct message along the cause chain. */
  static String describe(Throwable error) {
    Set<String> messages = new LinkedHashSet<>();
    Throwable t = error;
    for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
      String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
      messages.add(message.lines().findFirst().orElse("").strip());
    }
    return String.join(": ", messages);
  }
}
