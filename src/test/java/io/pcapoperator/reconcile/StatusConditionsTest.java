package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Condition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatusConditionsTest {
  private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

  private static Map<String, String> statuses(List<Condition> conditions) {
    return conditions.stream().collect(Collectors.toMap(Condition::getType, Condition::getStatus));
  }

  @Test
  void workInProgressIsReconcilingSoKstatusSaysInProgress() {
    List<Condition> conditions = new ArrayList<>();
    StatusConditions.set(conditions, false, ConditionReason.Queued, "number 2", 3, T0);

    assertThat(statuses(conditions))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Ready", "False", "Reconciling", "True", "Stalled", "False"));
    assertThat(conditions).extracting(Condition::getType).startsWith("Ready");
    assertThat(conditions).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3L));
  }

  @Test
  void failuresAndThingsTheUserMustFixAreStalled() {
    for (ConditionReason reason :
        List.of(
            ConditionReason.Failed,
            ConditionReason.InvalidSpec,
            ConditionReason.RemoteRejected,
            ConditionReason.CredentialsNotFound,
            ConditionReason.AuthenticationFailed,
            ConditionReason.AmbiguousSubmission)) {
      List<Condition> conditions = new ArrayList<>();
      StatusConditions.set(conditions, false, reason, "x", 1, T0);
      assertThat(statuses(conditions))
          .as(reason.name())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("Ready", "False", "Reconciling", "False", "Stalled", "True"));
    }
  }

  @Test
  void successIsReadyAndKeepsTransitionTimesOfUnchangedConditions() {
    List<Condition> conditions = new ArrayList<>();
    StatusConditions.set(conditions, false, ConditionReason.Running, "running", 1, T0);
    StatusConditions.set(
        conditions, true, ConditionReason.Succeeded, "done", 1, T0.plusSeconds(90));

    assertThat(statuses(conditions))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("Ready", "True", "Reconciling", "False", "Stalled", "False"));
    Map<String, String> transitions =
        conditions.stream()
            .collect(Collectors.toMap(Condition::getType, Condition::getLastTransitionTime));
    assertThat(transitions)
        .containsEntry("Ready", "2026-11-22T08:01:30Z")
        .containsEntry("Reconciling", "2026-11-22T08:01:30Z")
        .containsEntry("Stalled", "2026-11-22T08:00:00Z");
    assertThat(StatusConditions.reason(conditions)).isEqualTo("Succeeded");
  }
}
