package io.pcapoperator.devcluster.store;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One open watch: the store offers it every event that passes its filter. A watcher that falls
 * behind by more than its queue holds is cut off, as kube-apiserver cuts slow watchers; its client
 * then lists and watches again. Nothing else is kept per watch.
 */
public final class Subscription implements AutoCloseable {
  private static final int QUEUE_CAPACITY = 10_000;

  private final String typeKey;
  private final Predicate<WatchEvent> filter;
  private final BlockingQueue<WatchEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
  private final Runnable onClose;
  private volatile boolean open = true;

  Subscription(String typeKey, Predicate<WatchEvent> filter, Runnable onClose) {
    this.typeKey = typeKey;
    this.filter = filter;
    this.onClose = onClose;
  }

  void offer(WatchEvent event) {
    if (!open || !typeKey.equals(event.typeKey()) || !filter.test(event)) {
      return;
    }
    if (!queue.offer(event)) {
      open = false;
    }
  }

  /** The next event, or {@code null} when none came within {@code wait}. */
  public WatchEvent next(Duration wait) throws InterruptedException {
    return queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** False once the watcher fell too far behind or was closed. */
  public boolean isOpen() {
    return open;
  }

  @Override
  public void close() {
    open = false;
    onClose.run();
  }
}
