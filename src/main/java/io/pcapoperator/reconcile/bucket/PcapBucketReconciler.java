package io.pcapoperator.reconcile.bucket;

import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.pcapoperator.api.v1alpha1.BucketPhase;
import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.cloudflare.PcapsApi;
import io.pcapoperator.reconcile.CaptureEvents;
import io.pcapoperator.reconcile.CredentialsReader;
import io.pcapoperator.reconcile.Requeue;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles PcapBuckets with Cloudflare's bucket ownership records: reads the credentials Secret,
 * finds, adopts or creates the record, sends the challenge, follows the validation until the bucket
 * is Validated, and deletes the record with the resource (JOSDK keeps the finalizer) unless the
 * deletion policy orphans it. Each reconciliation asks a collaborator for a {@link BucketOutcome}
 * and writes it in one place, through {@link BucketOutcomeWriter}.
 */
@ControllerConfiguration(name = PcapBucketReconciler.NAME)
public class PcapBucketReconciler implements Reconciler<PcapBucket>, Cleaner<PcapBucket> {
  /** The controller's name, in logs and metrics. */
  public static final String NAME = "pcapbucket";

  private static final Logger LOG = LoggerFactory.getLogger(PcapBucketReconciler.class);

  private final BucketSettings settings;
  private final BucketFailures failures;
  private final BucketSync sync;
  private final OwnershipDeleter deleter;
  private final BucketOutcomeWriter writer;
  private final Requeue requeue;
  private final BucketCensus census;

  public PcapBucketReconciler(
      PcapsApi api,
      ChallengeReader reader,
      CaptureEvents events,
      ScaledClock clock,
      BucketSettings settings,
      BucketCensus census) {
    this.settings = settings;
    this.census = census;
    this.failures = new BucketFailures(settings);
    this.writer = new BucketOutcomeWriter(events, census, clock);
    this.requeue = new Requeue(clock);
    ValidationPolls polls = new ValidationPolls(settings.firstPoll(), settings.maxPoll());
    this.sync =
        new BucketSync(
            api,
            failures,
            new OwnershipCreator(api, failures, clock),
            new UnvalidatedRecord(
                new ChallengeSource(reader),
                new ChallengeValidator(api, failures, polls, clock),
                polls,
                settings.failedRetry(),
                clock),
            settings.firstPoll(),
            clock);
    this.deleter = new OwnershipDeleter(api, failures);
  }

  @Override
  public List<EventSource<?, PcapBucket>> prepareEventSources(
      EventSourceContext<PcapBucket> context) {
    BucketIndexes.register(context);
    return List.of(BucketSecretEvents.source(context));
  }

  @Override
  public UpdateControl<PcapBucket> reconcile(PcapBucket bucket, Context<PcapBucket> context) {
    BucketStore store = new BucketContextStore(bucket, context);
    try {
      return apply(store, decide(bucket, store));
    } catch (BucketGoneException e) {
      LOG.debug("{}; nothing more to do", e.getMessage());
      return requeue.never();
    }
  }

  @Override
  public DeleteControl cleanup(PcapBucket bucket, Context<PcapBucket> context) {
    BucketOutcome outcome = deleter.cleanup(bucket, new BucketContextStore(bucket, context));
    if (outcome instanceof BucketOutcome.Released released) {
      failures.succeeded(bucket.getMetadata().getUid());
      census.forget(bucket.getMetadata().getUid());
      released.note().ifPresent(note -> writer.record(bucket, note));
      return DeleteControl.defaultDelete();
    }
    Duration wait = ((BucketOutcome.Wait) outcome).requeue().orElse(settings.transientBackoffMax());
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(requeue.wallMillis(wait));
  }

  /** What the bucket calls for: its credentials first, then the record's state. */
  private BucketOutcome decide(PcapBucket bucket, BucketStore store) {
    CredentialsReader.Result credentials = store.credentials(bucket);
    if (credentials instanceof CredentialsReader.Missing missing) {
      BucketPhase phase = bucket.phase() == null ? BucketPhase.Pending : bucket.phase();
      return BucketOutcome.progress(phase, BucketReason.CredentialsNotFound, missing.message())
          .after(settings.credentialsRetry());
    }
    return sync.sync(
        new BucketAttempt(bucket, store, ((CredentialsReader.Found) credentials).credentials()));
  }

  /** Writes an outcome: the one place where decisions become status, Events and requeues. */
  private UpdateControl<PcapBucket> apply(BucketStore store, BucketOutcome outcome) {
    if (outcome instanceof BucketOutcome.Progress progress) {
      writer.write(store, store.current(), progress);
      return requeue.after(progress.requeue());
    }
    return requeue.after(((BucketOutcome.Wait) outcome).requeue());
  }
}
