package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Sets the status conditions in the Kubernetes shape: {@code Ready} for kubectl wait, Argo CD and
 * Flux's Ready checks, and kstatus' abnormal-true pair, {@code Reconciling} (still working) and
 * {@code Stalled} (stuck until someone acts). Each carries observedGeneration; a transition time
 * changes only when the condition's status changes.
 */
public final class StatusConditions {
  /** The condition type that is True once the capture succeeded. */
  public static final String TYPE = "Ready";

  /** kstatus: True while the operator is still driving the capture. */
  public static final String RECONCILING = "Reconciling";

  /** kstatus: True when the capture failed or cannot go on without the user. */
  public static final String STALLED = "Stalled";

  private static final Set<ConditionReason> IN_PROGRESS =
      EnumSet.of(
          ConditionReason.Pending,
          ConditionReason.Queued,
          ConditionReason.Submitting,
          ConditionReason.Running,
          ConditionReason.Converting,
          ConditionReason.RemoteUnavailable);

  private StatusConditions() {}

  /** Replaces or adds the Ready, Reconciling and Stalled conditions in {@code conditions}. */
  public static void set(
      List<Condition> conditions,
      boolean ready,
      ConditionReason reason,
      String message,
      long observedGeneration,
      Instant now) {
    set(
        conditions,
        ready,
        !ready && IN_PROGRESS.contains(reason),
        reason.name(),
        message,
        observedGeneration,
        now);
  }

  /**
   * Replaces or adds the Ready, Reconciling and Stalled conditions of any resource: Reconciling
   * when it is not ready and {@code inProgress}, Stalled when it is neither.
   */
  public static void set(
      List<Condition> conditions,
      boolean ready,
      boolean inProgress,
      String reason,
      String message,
      long observedGeneration,
      Instant now) {
    boolean reconciling = !ready && inProgress;
    boolean stalled = !ready && !reconciling;
    setOther(conditions, TYPE, ready, reason, message, observedGeneration, now);
    setOther(conditions, RECONCILING, reconciling, reason, message, observedGeneration, now);
    setOther(conditions, STALLED, stalled, reason, message, observedGeneration, now);
  }

  /** The Ready condition's reason, if there is one. */
  public static String reason(List<Condition> conditions) {
    return conditions.stream()
        .filter(c -> TYPE.equals(c.getType()))
        .map(Condition::getReason)
        .findFirst()
        .orElse(null);
  }

  /**
   * Replaces or adds a condition of its own {@code type} beside Ready (such as ArtifactStored),
   * keeping its transition time while its status stays the same.
   */
  public static void setOther(
      List<Condition> conditions,
      String type,
      boolean value,
      String reason,
      String message,
      long observedGeneration,
      Instant now) {
    String status = value ? "True" : "False";
    Condition previous =
        conditions.stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    String transition =
        previous != null && status.equals(previous.getStatus())
            ? previous.getLastTransitionTime()
            : DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
    Condition next =
        new ConditionBuilder()
            .withType(type)
            .withStatus(status)
            .withReason(reason)
            .withMessage(message)
            .withObservedGeneration(observedGeneration)
            .withLastTransitionTime(transition)
            .build();
    int at = previous == null ? conditions.size() : conditions.indexOf(previous);
    conditions.remove(previous);
    conditions.add(at, next);
  }
}
