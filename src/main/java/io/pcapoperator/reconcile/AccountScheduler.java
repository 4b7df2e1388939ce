package io.pcapoperator.reconcile;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.cloudflare.AuthenticationException;
import io.pcapoperator.cloudflare.CloudflareApiException;
import io.pcapoperator.cloudflare.PcapStatus;
import io.pcapoperator.cloudflare.RetryableApiException;
import io.pcapoperator.cloudflare.budget.BudgetHeldException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Admits captures to Cloudflare under each account's rules: at most one simple capture a minute,
 * and at most one pending or running full capture. Waiting captures form a queue per account and
 * type, first come first served by creation time, and fair across namespaces: the n-th waiting
 * capture of every namespace goes before the (n+1)-th of any. What the scheduler knows is rebuilt
 * from the resources' status on every decision, so it survives a restart; memory only bridges the
 * moment between an admission and its status write.
 */
public final class AccountScheduler {
  /** Cloudflare's interval between two simple captures of one account. */
  static final Duration SIMPLE_INTERVAL = Duration.ofMinutes(1);

  /** Allowance for clock skew with Cloudflare when the next simple capture may go. */
  static final Duration MARGIN = Duration.ofSeconds(1);

  /**
   * How often a simple capture at the head of its queue looks again while the create before it is
   * still unanswered: Cloudflare times its minute from that create's arrival, known only from its
   * answer.
   */
  static final Duration IN_FLIGHT_RECHECK = Duration.ofSeconds(5);

  /** Guess of a full capture's end when nothing better is known. */
  private static final Duration UNKNOWN_END = Duration.ofSeconds(30);

  private final Map<String, AccountState> accounts = new ConcurrentHashMap<>();

  /** The outcome of asking to submit. */
  public sealed interface Decision {}

  /** Submit now. */
  public record Admitted() implements Decision {}

  /** Wait: the capture is {@code position} in its queue and may go at {@code notBefore}. */
  public record Wait(int position, Instant notBefore) implements Decision {}

  /**
   * Whether {@code capture} may be submitted now, given every capture of its account ({@code
   * account}, itself included). An admission is remembered until the capture's status shows it. A
   * capture whose turn it is but whose create the client would hold back ({@code sendHeldFor}, the
   * request budget) waits for that, without taking the account's slot.
   */
  public Decision admit(
      PacketCapture capture,
      Collection<PacketCapture> account,
      Instant now,
      Predicate<PacketCapture> credentialsFound,
      Supplier<Optional<Duration>> sendHeldFor) {
    String accountId = capture.getSpec().getAccountId();
    CaptureType type = capture.getSpec().getType();
    AccountState state = accounts.computeIfAbsent(accountId, k -> new AccountState());
    synchronized (state) {
      List<PacketCapture> queue = queue(capture, account, type, credentialsFound);
      int position = 1 + indexOf(queue, capture);
      Instant slot =
          type == CaptureType.SIMPLE
              ? state.nextSimpleSlot(account)
              : state.nextFullSlot(capture, account, now);
      if (position == 1 && !slot.isAfter(now)) {
        if (type == CaptureType.SIMPLE && state.unsettledSimpleCreateOtherThan(capture, account)) {
          return new Wait(position, now.plus(IN_FLIGHT_RECHECK));
        }
        Optional<Duration> held = sendHeldFor.get();
        if (held.isPresent()) {
          return new Wait(position, now.plus(held.get()));
        }
        state.reserve(capture, type, now);
        return new Admitted();
      }
      Instant start = slot.isAfter(now) ? slot : now;
      Instant notBefore =
          type == CaptureType.SIMPLE
              ? start.plus(SIMPLE_INTERVAL.plus(MARGIN).multipliedBy(position - 1L))
              : start;
      return new Wait(position, notBefore);
    }
  }

  /** Records when Cloudflare accepted a capture, which fixes when the next simple one may go. */
  public void submitted(String accountId, CaptureType type, Instant remoteSubmitted) {
    if (type == CaptureType.SIMPLE) {
      AccountState state = accounts.computeIfAbsent(accountId, k -> new AccountState());
      synchronized (state) {
        state.lastSimpleSubmitted = later(state.lastSimpleSubmitted, remoteSubmitted);
        state.simpleInFlight = null;
      }
    }
  }

  /**
   * A create of {@code capture} was answered, or its capture adopted: the account's next simple
   * capture may go a minute after {@code remoteSubmitted}, when Cloudflare said it; else the create
   * is merely settled.
   */
  public void answered(PacketCapture capture, Optional<Instant> remoteSubmitted) {
    if (remoteSubmitted.isPresent()) {
      submitted(
          RecordedRequest.accountId(capture), RecordedRequest.type(capture), remoteSubmitted.get());
    } else {
      settled(capture);
    }
  }

  /**
   * A create of {@code capture} is settled without an answer that says when Cloudflare took it
   * (refused or rejected, so it made nothing): it no longer holds back the next simple capture,
   * whose slot then follows from the capture's status. A create of unknown outcome is not settled
   * until adoption or a new attempt settles it.
   */
  public void settled(PacketCapture capture) {
    change(capture, state -> state.endInFlight(capture));
  }

  /** A deleted capture holds nothing back any more, whatever its create's outcome. */
  public void forget(PacketCapture capture) {
    change(
        capture,
        state -> {
          state.endInFlight(capture);
          state.release(capture);
        });
  }

  /**
   * Cloudflare rejected the credentials of {@code capture}'s create, before its account's rules:
   * the create made no capture and took none of the account's minute, so it holds nothing back.
   */
  public void credentialsRejected(PacketCapture capture) {
    change(
        capture,
        state -> {
          if (state.endInFlight(capture)) {
            state.lastSimpleAdmitted = null;
          }
          state.release(capture);
        });
  }

  /** Applies {@code change} to what is known of the capture's account, if anything is. */
  private void change(PacketCapture capture, Consumer<AccountState> change) {
    AccountState state =
        capture.getSpec() == null ? null : accounts.get(capture.getSpec().getAccountId());
    if (state != null) {
      synchronized (state) {
        change.accept(state);
      }
    }
  }

  /**
   * A create of {@code capture} failed with {@code failure}: rejected credentials hold nothing
   * back; a create that made nothing settles its slot, and one refused for the account's rules (429
   * or 409, not the request budget) pauses the account until the server's {@code retry-after} or a
   * minute. A create of unknown outcome keeps its slot until the account's list settles it.
   */
  public void createFailed(PacketCapture capture, CloudflareApiException failure, Instant now) {
    if (failure instanceof AuthenticationException) {
      credentialsRejected(capture);
    } else if (RemoteCall.madeNothing(failure)) {
      settled(capture);
      if (failure instanceof RetryableApiException refusal
          && !(refusal instanceof BudgetHeldException)) {
        refused(capture, now.plus(refusal.retryAfter().orElse(SIMPLE_INTERVAL)));
      }
    }
  }

  /**
   * Cloudflare refused a capture of this account and type for its rules (429 or 409): nothing of
   * that kind is admitted before {@code until}, and the capture's reservation is dropped.
   */
  public void refused(PacketCapture capture, Instant until) {
    AccountState state =
        accounts.computeIfAbsent(capture.getSpec().getAccountId(), k -> new AccountState());
    synchronized (state) {
      state.pause(capture.getSpec().getType(), until);
      state.release(capture);
    }
  }

  /** The captures waiting in {@code capture}'s queue, in the order they will be admitted. */
  static List<PacketCapture> queue(
      PacketCapture capture,
      Collection<PacketCapture> account,
      CaptureType type,
      Predicate<PacketCapture> credentialsFound) {
    Map<String, List<PacketCapture>> byNamespace = new HashMap<>();
    for (PacketCapture other : account) {
      boolean self = Objects.equals(uid(other), uid(capture));
      if (self
          || (other.getSpec() != null
              && other.getSpec().getType() == type
              && waits(other, credentialsFound))) {
        byNamespace
            .computeIfAbsent(other.getMetadata().getNamespace(), k -> new ArrayList<>())
            .add(self ? capture : other);
      }
    }
    Comparator<PacketCapture> byCreation =
        Comparator.comparing((PacketCapture c) -> creation(c))
            .thenComparing(c -> c.getMetadata().getNamespace())
            .thenComparing(c -> c.getMetadata().getName());
    Map<String, Integer> rank = new HashMap<>();
    List<PacketCapture> all = new ArrayList<>();
    for (List<PacketCapture> inNamespace : byNamespace.values()) {
      inNamespace.sort(byCreation);
      for (int i = 0; i < inNamespace.size(); i++) {
        rank.put(uid(inNamespace.get(i)), i);
        all.add(inNamespace.get(i));
      }
    }
    all.sort(Comparator.comparing((PacketCapture c) -> rank.get(uid(c))).thenComparing(byCreation));
    return all;
  }

  /**
   * Whether a capture is waiting for admission: not submitted, not failed, able to go. One that
   * last found no credentials keeps its place once its Secret is there, though it has not been
   * reconciled since.
   */
  private static boolean waits(PacketCapture capture, Predicate<PacketCapture> credentialsFound) {
    if (capture.getMetadata().getDeletionTimestamp() != null) {
      return false;
    }
    PacketCaptureStatus status = capture.currentStatus();
    String reason = StatusConditions.reason(status.getConditions());
    return status.getId() == null
        && (status.getPhase() == null
            || status.getPhase() == CapturePhase.Pending
            || status.getPhase() == CapturePhase.Queued)
        && (!ConditionReason.CredentialsNotFound.name().equals(reason)
            || credentialsFound.test(capture))
        && !ConditionReason.AuthenticationFailed.name().equals(reason);
  }

  private static int indexOf(List<PacketCapture> queue, PacketCapture capture) {
    for (int i = 0; i < queue.size(); i++) {
      if (Objects.equals(uid(queue.get(i)), uid(capture))) {
        return i;
      }
    }
    return queue.size();
  }

  private static String creation(PacketCapture capture) {
    return Objects.toString(capture.getMetadata().getCreationTimestamp(), "");
  }

  private static String uid(PacketCapture capture) {
    return capture.getMetadata().getUid();
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** What is known of one account beyond its resources' status. */
  private static final class AccountState {
    private Instant lastSimpleSubmitted;
    private Instant lastSimpleAdmitted;
    private Instant simplePausedUntil;
    private Instant fullPausedUntil;
    private String fullReservedBy;
    private String simpleInFlight;

    /**
     * Whether a simple create of another capture of the account is in flight or of unknown outcome:
     * remembered since its admission, or shown by its status (Submitting with no id), which
     * survives a restart. Until the account's list settles it, it may have made a capture that an
     * identical request sent now would be confused with.
     */
    private boolean unsettledSimpleCreateOtherThan(
        PacketCapture capture, Collection<PacketCapture> account) {
      if (simpleInFlight != null && !simpleInFlight.equals(uid(capture))) {
        return true;
      }
      return account.stream()
          .anyMatch(
              other ->
                  !Objects.equals(uid(other), uid(capture))
                      && other.getMetadata().getDeletionTimestamp() == null
                      && other.getSpec() != null
                      && other.getSpec().getType() == CaptureType.SIMPLE
                      && other.createOutcomeUnknown());
    }

    private Instant nextSimpleSlot(Collection<PacketCapture> account) {
      Instant last = later(lastSimpleSubmitted, lastSimpleAdmitted);
      for (PacketCapture c : account) {
        if (c.getSpec() != null && c.getSpec().getType() == CaptureType.SIMPLE) {
          last = later(last, lastSubmission(c).orElse(null));
        }
      }
      Instant slot = last == null ? Instant.MIN : last.plus(SIMPLE_INTERVAL).plus(MARGIN);
      return later(slot, simplePausedUntil);
    }

    private Instant nextFullSlot(
        PacketCapture capture, Collection<PacketCapture> account, Instant now) {
      Instant busyUntil = null;
      boolean reservationSeen = false;
      for (PacketCapture c : account) {
        if (Objects.equals(uid(c), uid(capture))
            || c.getSpec() == null
            || c.getSpec().getType() != CaptureType.FULL) {
          continue;
        }
        boolean reserved = Objects.equals(uid(c), fullReservedBy);
        if (holdsFullSlot(c)) {
          busyUntil = later(busyUntil, expectedEnd(c, now));
          reservationSeen |= reserved;
        } else if (reserved && !waits(c, noCredentials -> false)) {
          reservationSeen = true;
        } else if (reserved) {
          busyUntil = later(busyUntil, now.plus(UNKNOWN_END));
        }
      }
      if (reservationSeen || account.stream().noneMatch(c -> uid(c).equals(fullReservedBy))) {
        fullReservedBy = null;
      }
      return later(busyUntil == null ? Instant.MIN : busyUntil, fullPausedUntil);
    }

    private void reserve(PacketCapture capture, CaptureType type, Instant now) {
      if (type == CaptureType.SIMPLE) {
        lastSimpleAdmitted = later(lastSimpleAdmitted, now);
        simpleInFlight = uid(capture);
      } else {
        fullReservedBy = uid(capture);
      }
    }

    /** Ends the capture's simple create in flight, if it is the one; whether it was. */
    private boolean endInFlight(PacketCapture capture) {
      if (!Objects.equals(simpleInFlight, uid(capture))) {
        return false;
      }
      simpleInFlight = null;
      return true;
    }

    private void release(PacketCapture capture) {
      if (Objects.equals(fullReservedBy, uid(capture))) {
        fullReservedBy = null;
      }
    }

    private void pause(CaptureType type, Instant until) {
      if (type == CaptureType.SIMPLE) {
        simplePausedUntil = later(simplePausedUntil, until);
      } else {
        fullPausedUntil = later(fullPausedUntil, until);
      }
    }
  }

  /** When a capture was last submitted, by the remote's word or the operator's attempt. */
  private static Optional<Instant> lastSubmission(PacketCapture capture) {
    PacketCaptureStatus status = capture.currentStatus();
    Optional<Instant> submitted = Timestamps.parse(status.getSubmitted());
    return submitted.isPresent() ? submitted : Timestamps.parse(status.getSubmissionStarted());
  }

  /** Whether a full capture counts against the one-pending-or-running rule. */
  private static boolean holdsFullSlot(PacketCapture capture) {
    PacketCaptureStatus status = capture.currentStatus();
    if (status.getPhase() == CapturePhase.Submitting) {
      return true;
    }
    if (status.getId() == null) {
      return false;
    }
    PcapStatus remote = PcapStatus.fromWire(status.getRemoteStatus());
    return remote == PcapStatus.PENDING || remote == PcapStatus.RUNNING;
  }

  /** When a running full capture should stop collecting: its submission plus its time limit. */
  private static Instant expectedEnd(PacketCapture capture, Instant now) {
    Optional<Instant> since = lastSubmission(capture);
    Integer limit = capture.getSpec().getTimeLimit();
    if (since.isEmpty() || limit == null) {
      return now.plus(UNKNOWN_END);
    }
    Instant end = since.get().plusSeconds(limit);
    return end.isAfter(now) ? end : now.plus(UNKNOWN_END);
  }
}
