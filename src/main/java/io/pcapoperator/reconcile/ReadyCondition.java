package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sets the {@code Ready} condition in the Kubernetes shape that kubectl wait, Flux's kstatus and
 * Argo CD read: the transition time changes only when the status value changes.
 */
public final class ReadyCondition {
  /** The condition type. */
  public static final String TYPE = "Ready";

  private ReadyCondition() {}

  /** Replaces or adds the Ready condition in {@code conditions}. */
  public static void set(
      List<Condition> conditions,
      boolean ready,
      ConditionReason reason,
      String message,
      long observedGeneration,
      Instant now) {
    String status = ready ? "True" : "False";
    Condition previous =
        conditions.stream().filter(c -> TYPE.equals(c.getType())).findFirst().orElse(null);
    String transition =
        previous != null && status.equals(previous.getStatus())
            ? previous.getLastTransitionTime()
            : DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    Condition next =
        new ConditionBuilder()
            .withType(TYPE)
            .withStatus(status)
            .withReason(reason.name())
            .withMessage(message)
            .withObservedGeneration(observedGeneration)
            .withLastTransitionTime(transition)
            .build();
    conditions.removeIf(c -> TYPE.equals(c.getType()));
    conditions.add(next);
  }

  /** The Ready condition's reason, if there is one. */
  public static String reason(List<Condition> conditions) {
    return conditions.stream()
        .filter(c -> TYPE.equals(c.getType()))
        .map(Condition::getReason)
        .findFirst()
        .orElse(null);
  }
}
