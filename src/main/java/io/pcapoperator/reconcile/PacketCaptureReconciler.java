package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapsApi;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles PacketCaptures with Cloudflare: validates the spec, reads the credentials Secret,
 * submits the capture once, mirrors its remote state until it is terminal, and stops a running full
 * capture when the resource is deleted. It sees every event, deletions included, and keeps its own
 * finalizer ({@link CaptureFinalizer}), so that a capture's first status is its first write. Every
 * collaborator comes through the constructor. Each reconciliation observes the resource, asks a
 * collaborator to decide an {@link Outcome}, and writes it in one place, through {@link
 * OutcomeWriter}.
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
  private final CaptureSubmitter submitter;
  private final SubmissionRecovery recovery;
  private final CaptureSync sync;
  private final CaptureStopper stopper;
  private final FinishedCapture finished;
  private final StoredFileRemover remover;
  private final CaptureAdopter adopter;
  private final BucketGate bucketGate;
  private final FailureOutcomes failures;
  private final OutcomeWriter writer;
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
      QueueWaits queueWaits,
      CaptureStorage storage) {
    this.settings = settings;
    this.clock = clock;
    this.census = census;
    this.statusWriter = new StatusWriter(census);
    this.validator = new SpecValidator(clock);
    this.requeue = new Requeue(clock);
    this.writer = new OutcomeWriter(events, clock);
    this.failures =
        new FailureOutcomes(
            new FailureBackoff(settings.transientBackoffBase(), settings.transientBackoffMax()),
            new CredentialsBackoff(
                settings.credentialsBackoffBase(), settings.credentialsBackoffMax()),
            settings.stopAttempts());
    this.sync = new CaptureSync(api, failures);
    this.submitter =
        new CaptureSubmitter(api, writer, failures, clock, settings.poll(), scheduler, queueWaits);
    this.recovery = new SubmissionRecovery(api, failures, scheduler, clock, settings);
    this.stopper = new CaptureStopper(api, failures, new LostSubmissions(api, clock));
    OutputResolver outputs = new OutputResolver(storage.defaultOutput());
    FailureBackoff storageBackoff =
        new FailureBackoff(settings.transientBackoffBase(), settings.transientBackoffMax());
    ArtifactKeeper keeper =
        new ArtifactKeeper(
            api, storage.objects(), outputs, storageBackoff, clock, storage.metrics());
    this.remover =
        new StoredFileRemover(
            storage.objects(), outputs, storageBackoff, settings.stopAttempts(), clock);
    this.finished = new FinishedCapture(clock, keeper, remover);
    this.adopter = new CaptureAdopter(api, failures);
    this.bucketGate = new BucketGate(settings.bucketValidation(), api, failures);
  }

  @Override
  public List<EventSource<?, PacketCapture>> prepareEventSources(
      EventSourceContext<PacketCapture> context) {
    CaptureIndexes.register(context);
    return List.of(SecretEvents.source(context), BucketEvents.source(context));
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

  /** Observes the resource, decides what its state calls for, and writes that outcome. */
  private UpdateControl<PacketCapture> reconcileExisting(
      PacketCapture observed, Context<PacketCapture> context) {
    if (context.isPrimaryResourceDeleted()) {
      census.forget(observed.getMetadata().getUid());
      scheduler.forget(observed);
      return requeue.never();
    }
    CaptureStore store = new ContextStore(observed, context, statusWriter);
    if (observed.isMarkedForDeletion()) {
      return observed.hasFinalizer(CaptureFinalizer.NAME)
          ? apply(
              store,
              remover.onDeletion(observed, store).orElseGet(() -> stopper.cleanup(observed, store)))
          : requeue.never();
    }
    PacketCapture capture = observe(observed, store);
    if (capture.phase() != null && capture.phase().isTerminal() && !revalidatable(capture)) {
      return apply(store, finished.decide(capture, store));
    }
    return apply(store, decide(capture, store));
  }

  /** The resource with its spec-drift condition brought up to date. */
  private PacketCapture observe(PacketCapture observed, CaptureStore store) {
    return SpecDrift.stale(observed)
        ? writer.amend(store, observed, SpecDrift.amendment(observed, clock.instant()))
        : observed;
  }

  /** What a capture that is not finished calls for: a check, a read, a settlement or a create. */
  private Outcome decide(PacketCapture capture, CaptureStore store) {
    boolean submitted = capture.remoteId() != null;
    if (!submitted) {
      List<String> violations = validator.violations(capture.getSpec());
      if (!violations.isEmpty()) {
        return Outcome.notReady(
            CapturePhase.Failed,
            ConditionReason.InvalidSpec,
            String.join("; ", violations),
            Outcome.Severity.WARNING);
      }
    }
    CredentialsReader.Result credentials = store.credentials(capture);
    if (credentials instanceof CredentialsReader.Missing missing) {
      CapturePhase phase = capture.phase() == null ? CapturePhase.Pending : capture.phase();
      return Outcome.notReady(
              phase,
              ConditionReason.CredentialsNotFound,
              missing.message(),
              Outcome.Severity.WARNING)
          .after(settings.credentialsRetry());
    }
    Attempt attempt =
        new Attempt(capture, store, ((CredentialsReader.Found) credentials).credentials());
    if (submitted) {
      return sync.sync(attempt);
    }
    if (capture.getSpec().getCaptureId() != null) {
      return adopter.adopt(attempt);
    }
    if (capture.createOutcomeUnknown()) {
      return recovery.settle(attempt).orElseGet(() -> submitter.submit(attempt.latest()));
    }
    return bucketGate.check(attempt).orElseGet(() -> submitter.submit(attempt));
  }

  /**
   * Writes an outcome, the one place where decisions become status, Events and requeues. A capture
   * Cloudflare described is mirrored and read again when its remote state can next change; when a
   * capture just made or adopted has no resource left to record it, one line names it, so that the
   * remote capture is not forgotten.
   */
  private UpdateControl<PacketCapture> apply(CaptureStore store, Outcome outcome) {
    PacketCapture capture = store.current();
    if (outcome instanceof Outcome.NotReady notReady) {
      PacketCapture stored = writer.write(store, capture, notReady);
      return finishedNow(stored)
          ? apply(store, finished.decide(stored, store))
          : requeue.after(notReady.requeue());
    }
    if (outcome instanceof Outcome.Released released) {
      failures.succeeded(capture.getMetadata().getUid());
      released.note().ifPresent(note -> writer.record(capture, note));
      CaptureFinalizer.remove(capture, store);
      return requeue.never();
    }
    if (outcome instanceof Outcome.Learned learned) {
      return mirror(store, capture, learned);
    }
    if (outcome instanceof Outcome.Amend amendment) {
      writer.amend(store, capture, amendment);
      return requeue.after(amendment.requeue());
    }
    if (outcome instanceof Outcome.Expired expired) {
      writer.record(capture, expired.note());
      store.delete(capture);
      return requeue.never();
    }
    return requeue.after(((Outcome.Wait) outcome).requeue());
  }

  private UpdateControl<PacketCapture> mirror(
      CaptureStore store, PacketCapture capture, Outcome.Learned learned) {
    Pcap pcap = learned.pcap();
    failures.succeeded(capture.getMetadata().getUid());
    PacketCapture stored;
    try {
      stored = writer.mirror(store, capture, pcap);
    } catch (CaptureGoneException e) {
      if (learned.note().isEmpty()) {
        throw e;
      }
      LOG.info(
          "Cloudflare capture {} is not recorded: PacketCapture {}/{} was deleted while it was"
              + " submitted",
          pcap.id(),
          capture.getMetadata().getNamespace(),
          capture.getMetadata().getName());
      return requeue.never();
    }
    learned.note().ifPresent(note -> writer.record(stored, note));
    if (finishedNow(stored)) {
      return apply(store, finished.decide(stored, store));
    }
    return requeue.after(settings.poll().next(pcap, clock.instant()).map(Requeue::withJitter));
  }

  /**
   * Whether a write just made the capture finished: what a finished capture calls for is decided at
   * once, as its own status write wakes nothing.
   */
  private static boolean finishedNow(PacketCapture stored) {
    return stored.phase() != null && stored.phase().isTerminal();
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
}
