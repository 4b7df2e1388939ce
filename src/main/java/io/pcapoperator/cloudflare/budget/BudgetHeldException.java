package io.pcapoperator.cloudflare.budget;

import io.pcapoperator.cloudflare.ApiError;
import io.pcapoperator.cloudflare.RetryableApiException;
import java.time.Duration;
import java.util.List;

/**
 * A call this operator held back, unsent, because its credential's request budget is spent or
 * paused. It is no failure: nothing reached Cloudflare, so it neither backs off nor warns; the
 * capture is simply reconciled again once {@link #retryAfter} has passed.
 */
public final class BudgetHeldException extends RetryableApiException {
  private static final long serialVersionUID = 1L;

  BudgetHeldException(String operation, Duration wait) {
    super(
        operation,
        429,
        List.of(new ApiError(0, "held back: this credential's request budget is spent for now")),
        wait,
        null);
  }

  /** How long until the budget lets the call go. */
  public Duration held() {
    return retryAfter().orElseThrow();
  }
}
