package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles PacketCaptures with Cloudflare: validates the spec, reads the credentials Secret,
 * submits the capture once, mirrors its remote state until it is terminal, and stops a running full
 * capture when the resource is deleted. It sees every event, deletions included, and keeps its own
 * finalizer ({@link CaptureFinalizer}), so that a capture's first status is its first write. Every
 * collaborator comes through the constructor.
 */
@ControllerConfiguration(
    name = PacketCaptureReconciler.NAME,
    generationAwareEventProcessing = false,
    triggerReconcilerOnAllEvents = true,
    informer = @Informer(onUpdateFilter = SyncRequestFilter.class))
public class PacketCaptureReconciler implements Reconciler<PacketCapture> {
  /** The controller's name, in logs and metrics. */
  public static final String NAME = "packetcapture";

  private static final Logger LOG = LoggerFactory.getLogger(PacketCaptureReconciler.class);

  private final SpecValidator validator;
  private final StatusUpdates updates;
  private final CaptureSubmitter submitter;
  private final CaptureSync sync;
  private final CaptureStopper stopper;
  private final Requeue requeue;
  private final ReconcilerSettings settings;
  private final PhaseCensus census;
  private final StatusWriter statusWriter;
  private final ScaledClock clock;
  private final AccountScheduler scheduler = new AccountScheduler();

  public PacketCaptureReconciler(
      PcapsApi api,
      CaptureEvents events,
      ScaledClock clock,
      ReconcilerSettings settings,
      PhaseCensus census,
      QueueWaits queueWaits) {
    this.settings = settings;
    this.clock = clock;
    this.census = census;
    this.statusWriter = new StatusWriter(census);
    this.validator = new SpecValidator(clock);
    this.requeue = new Requeue(clock);
    this.updates = new StatusUpdates(statusWriter, events, clock);
    FailureBackoff backoff =
        new FailureBackoff(settings.transientBackoffBase(), settings.transientBackoffMax());
    RemoteFailures failures =
        new RemoteFailures(
            updates,
            backoff,
            new CredentialsBackoff(
                settings.credentialsBackoffBase(), settings.credentialsBackoffMax()),
            requeue);
    this.sync = new CaptureSync(api, updates, failures, settings.poll(), requeue, clock);
    this.submitter =
        new CaptureSubmitter(
            api, updates, failures, sync, requeue, clock, settings, scheduler, queueWaits);
    this.stopper =
        new CaptureStopper(
            api,
            updates,
            backoff,
            requeue,
            settings.stopAttempts(),
            new LostSubmissions(api, clock));
  }

  @Override
  public List<EventSource<?, PacketCapture>> prepareEventSources(
      EventSourceContext<PacketCapture> context) {
    CaptureIndexes.register(context);
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
                        .filter(PacketCaptureReconciler::mayNeedSecret)
                        .map(ResourceID::fromResource)
                        .collect(Collectors.toSet()))
            .build();
    return List.of(new InformerEventSource<>(secrets, context));
  }

  /**
   * Reconciles one event. A resource deleted while its status is being written ends the
   * reconciliation: there is nothing left to retry, and its deletion event follows.
   */
  @Override
  public UpdateControl<PacketCapture> reconcile(
      PacketCapture capture, Context<PacketCapture> context) {
    try {
      return reconcileExisting(capture, context);
    } catch (CaptureGoneException e) {
      LOG.debug("{}; nothing more to do", e.getMessage());
      return requeue.never();
    }
  }

  private UpdateControl<PacketCapture> reconcileExisting(
      PacketCapture observed, Context<PacketCapture> context) {
    PacketCapture capture = observed;
    if (context.isPrimaryResourceDeleted()) {
      census.forget(capture.getMetadata().getUid());
      scheduler.forget(capture);
      return requeue.never();
    }
    if (capture.isMarkedForDeletion()) {
      return capture.hasFinalizer(CaptureFinalizer.NAME)
          ? stopper.cleanup(capture, context)
          : requeue.never();
    }
    if (SpecDrift.stale(capture)) {
      capture =
          statusWriter.write(capture, context, s -> SpecDrift.apply(observed, s, clock.instant()));
    }
    if (capture.phase() != null && capture.phase().isTerminal() && !revalidatable(capture)) {
      return acknowledgeGeneration(capture, context);
    }
    boolean submitted = capture.remoteId() != null;
    if (!submitted) {
      List<String> violations = validator.violations(capture.getSpec());
      if (!violations.isEmpty()) {
        updates.notReady(
            capture,
            context,
            CapturePhase.Failed,
            ConditionReason.InvalidSpec,
            String.join("; ", violations),
            true);
        return requeue.never();
      }
    }
    CredentialsReader.Result credentials = CredentialsReader.read(capture, context);
    if (credentials instanceof CredentialsReader.Missing missing) {
      CapturePhase phase = capture.phase() == null ? CapturePhase.Pending : capture.phase();
      updates.notReady(
          capture, context, phase, ConditionReason.CredentialsNotFound, missing.message(), true);
      return requeue.after(settings.credentialsRetry());
    }
    Attempt attempt =
        new Attempt(capture, context, ((CredentialsReader.Found) credentials).credentials());
    if (submitted) {
      return sync.sync(attempt);
    }
    if (capture.createOutcomeUnknown()) {
      return submitter.resume(attempt);
    }
    return submitter.submit(attempt);
  }

  /**
   * Whether a change to its Secret should wake the capture: not when it is finished, nor when it is
   * submitted and reads its capture on its own schedule, unless it waits for the Secret. So a
   * restart, whose Secret informer sees every Secret anew, does not read each running capture
   * twice.
   */
  private static boolean mayNeedSecret(PacketCapture capture) {
    PacketCaptureStatus status = capture.currentStatus();
    String reason = StatusConditions.reason(status.getConditions());
    if (ConditionReason.CredentialsNotFound.name().equals(reason)
        || ConditionReason.AuthenticationFailed.name().equals(reason)) {
      return true;
    }
    return status.getId() == null && (status.getPhase() == null || !status.getPhase().isTerminal());
  }

  /**
   * A spec rejected before submission may be corrected where the API server lets the spec change;
   * it is then checked again.
   */
  private static boolean revalidatable(PacketCapture capture) {
    PacketCaptureStatus status = capture.getStatus();
    return status.getId() == null
        && ConditionReason.InvalidSpec.name()
            .equals(StatusConditions.reason(status.getConditions()))
        && !Objects.equals(status.getObservedGeneration(), capture.getMetadata().getGeneration());
  }

  private UpdateControl<PacketCapture> acknowledgeGeneration(
      PacketCapture capture, Context<PacketCapture> context) {
    Long generation = capture.getMetadata().getGeneration();
    if (generation != null && !generation.equals(capture.getStatus().getObservedGeneration())) {
      statusWriter.write(
          capture,
          context,
          s -> {
            s.setObservedGeneration(generation);
            s.getConditions().forEach(c -> c.setObservedGeneration(generation));
          });
    }
    return requeue.never();
  }
}
