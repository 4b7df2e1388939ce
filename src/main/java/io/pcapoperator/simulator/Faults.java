package io.pcapoperator.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Random;

/**
 * Faults to inject into the simulated API, settable at any time from Java or the admin endpoint: a
 * share of requests answered with an error, added latency, forced answers for the next requests,
 * captures that will fail, creates whose answer is lost after the capture was made, and ownership
 * validations that will fail. Random faults draw from one seeded generator, so a run with the same
 * seed and the same requests in the same order meets the same faults.
 */
public final class Faults {
  /** A forced answer: status, optional {@code retry-after} seconds and {@code x-should-retry}. */
  public record Forced(int status, Integer retryAfterSeconds, Boolean shouldRetry) {}

  private final Random random;
  private double errorRate;
  private int errorStatus = 503;
  private Duration latency = Duration.ZERO;
  private final Deque<Forced> forced = new ArrayDeque<>();
  private int capturesToFail;
  private String failureMessage =
      "No packets matched the filter in the time limit given. Please modify the filter or try"
          + " again.";
  private int createAnswersToLose;
  private int ownershipValidationsToFail;
  private double lostCreateRate;

  Faults(long seed) {
    this.random = new Random(seed);
  }

  /** Answers this share (0–1) of requests with {@code status} before handling them. */
  public synchronized Faults errorRate(double rate, int status) {
    this.errorRate = rate;
    this.errorStatus = status;
    return this;
  }

  /** Delays every request by {@code delay} of wall time. */
  public synchronized Faults latency(Duration delay) {
    this.latency = delay;
    return this;
  }

  /** Answers the next request with {@code answer}; calls queue up. */
  public synchronized Faults force(Forced answer) {
    forced.addLast(answer);
    return this;
  }

  /** Makes the next {@code count} captures fail with {@code message}. */
  public synchronized Faults failNextCaptures(int count, String message) {
    this.capturesToFail = count;
    if (message != null) {
      this.failureMessage = message;
    }
    return this;
  }

  /** Makes the next {@code count} creates make their capture but answer 502. */
  public synchronized Faults loseNextCreateAnswers(int count) {
    this.createAnswersToLose = count;
    return this;
  }

  /** Makes this share (0–1) of creates make their capture but answer 502. */
  public synchronized Faults lostCreateRate(double rate) {
    this.lostCreateRate = rate;
    return this;
  }

  /** Makes the next {@code count} ownership validations with the right challenge end failed. */
  public synchronized Faults failNextOwnershipValidations(int count) {
    this.ownershipValidationsToFail = count;
    return this;
  }

  /** Clears every fault. */
  public synchronized Faults reset() {
    errorRate = 0;
    errorStatus = 503;
    latency = Duration.ZERO;
    forced.clear();
    capturesToFail = 0;
    createAnswersToLose = 0;
    lostCreateRate = 0;
    ownershipValidationsToFail = 0;
    return this;
  }

  synchronized Duration latency() {
    return latency;
  }

  /** The forced or random error for the request now arriving, if any. */
  synchronized Optional<Forced> nextError() {
    if (!forced.isEmpty()) {
      return Optional.of(forced.removeFirst());
    }
    if (errorRate > 0 && random.nextDouble() < errorRate) {
      return Optional.of(new Forced(errorStatus, null, null));
    }
    return Optional.empty();
  }

  /** The failure message for the capture now being created, or null when it will succeed. */
  synchronized String takeCaptureFailure() {
    if (capturesToFail <= 0) {
      return null;
    }
    capturesToFail--;
    return failureMessage;
  }

  /** Whether the answer of the create now being made is to be lost. */
  synchronized boolean takeLostCreateAnswer() {
    if (createAnswersToLose > 0) {
      createAnswersToLose--;
      return true;
    }
    return lostCreateRate > 0 && random.nextDouble() < lostCreateRate;
  }

  /** Whether the ownership validation now being requested is to end failed. */
  synchronized boolean takeOwnershipValidationFailure() {
    if (ownershipValidationsToFail > 0) {
      ownershipValidationsToFail--;
      return true;
    }
    return false;
  }
}
