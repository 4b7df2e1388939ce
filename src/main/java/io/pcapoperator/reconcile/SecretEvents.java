package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The credentials Secrets as an event source: a change to a Secret wakes the captures that name it
 * and may need it.
 */
final class SecretEvents {
  private SecretEvents() {}

  /** The informer of Secrets, mapped to the PacketCaptures that name them. */
  static InformerEventSource<Secret, PacketCapture> source(
      EventSourceContext<PacketCapture> context) {
    var secrets =
        InformerEventSourceConfiguration.from(Secret.class, PacketCapture.class)
            .withPrimaryToSecondaryMapper(
                (PacketCapture capture) ->
                    Set.of(
                        new ResourceID(
                            CaptureIndexes.secretName(capture),
                            capture.getMetadata().getNamespace())))
            .withSecondaryToPrimaryMapper(
                secret ->
                    CaptureIndexes.usingSecret(
                            context,
                            secret.getMetadata().getNamespace(),
                            secret.getMetadata().getName())
                        .stream()
                        .filter(SecretEvents::mayNeedSecret)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return new InformerEventSource<>(secrets, context);
  }

  /**
   * Whether a change to its Secret should wake the capture: not when it is finished, nor when it is
   * submitted and reads its capture on its own schedule, unless it waits for the Secret. So a
   * restart, whose Secret informer sees every Secret anew, does not read each running capture
   * twice.
   */
  static boolean mayNeedSecret(PacketCapture capture) {
    PacketCaptureStatus status = capture.currentStatus();
    String reason = StatusConditions.reason(status.getConditions());
    if (ConditionReason.CredentialsNotFound.name().equals(reason)
        || ConditionReason.AuthenticationFailed.name().equals(reason)) {
      return true;
    }
    return status.getId() == null && (status.getPhase() == null || !status.getPhase().isTerminal());
  }
}
