package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Tells the user when the spec no longer makes the request that was sent, which the API server's
 * immutability rule prevents but an older or looser CRD may let through: the condition {@code
 * SpecMatchesRequest=False} stands while they differ and goes once they agree again. It never
 * changes what is read, adopted or stopped: that follows the recorded request.
 */
final class SpecDrift {
  /** The condition's type. */
  static final String TYPE = "SpecMatchesRequest";

  /** The condition's reason. */
  static final String REASON = "SpecChangedAfterSubmission";

  private SpecDrift() {}

  /** Whether the condition says something other than the spec and the recorded request do. */
  static boolean stale(PacketCapture capture) {
    boolean shown = find(capture.currentStatus().getConditions()) != null;
    return shown == RecordedRequest.specMatches(capture);
  }

  /** The status edit that sets or removes the condition to agree with {@code capture}'s spec. */
  static Outcome.Amend amendment(PacketCapture capture, Instant now) {
    return new Outcome.Amend(
        status -> apply(capture, status, now), Optional.empty(), Optional.empty());
  }

  private static void apply(PacketCapture capture, PacketCaptureStatus status, Instant now) {
    List<Condition> conditions = status.getConditions();
    conditions.remove(find(conditions));
    if (!RecordedRequest.specMatches(capture)) {
      conditions.add(
          new ConditionBuilder()
              .withType(TYPE)
              .withStatus("False")
              .withReason(REASON)
              .withMessage(
                  "the spec no longer makes the request sent to Cloudflare (see status.request);"
                      + " the capture follows the request that was sent, and is stopped or"
                      + " adopted by it: create a new PacketCapture for a new request")
              .withObservedGeneration(capture.getMetadata().getGeneration())
              .withLastTransitionTime(
                  DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)))
              .build());
    }
  }

  private static Condition find(List<Condition> conditions) {
    return conditions.stream().filter(c -> TYPE.equals(c.getType())).findFirst().orElse(null);
  }
}
