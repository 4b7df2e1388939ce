package io.pcapoperator.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts of the requests the simulator served, by endpoint and by HTTP status. */
public final class SimulatorStats {
  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();

  /** An immutable copy of the counts. */
  public record Snapshot(Map<String, Long> byEndpoint, Map<Integer, Long> byStatus) {
    /** Requests to {@code endpoint} ({@code create}, {@code get}, {@code list}, ...). */
    public long count(String endpoint) {
      return byEndpoint.getOrDefault(endpoint, 0L);
    }

    /** Answers with {@code status}. */
    public long status(int status) {
      return byStatus.getOrDefault(status, 0L);
    }

    /** Every request to the PCAPs API. */
    public long total() {
      return byEndpoint.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  void record(String endpoint, int status) {
    byEndpoint.computeIfAbsent(endpoint, k -> new LongAdder()).increment();
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  /** The counts so far. */
  public Snapshot snapshot() {
    Map<String, Long> endpoints = new TreeMap<>();
    byEndpoint.forEach((k, v) -> endpoints.put(k, v.sum()));
    Map<Integer, Long> statuses = new TreeMap<>();
    byStatus.forEach((k, v) -> statuses.put(k, v.sum()));
    return new Snapshot(Map.copyOf(endpoints), Map.copyOf(statuses));
  }

  /** Starts counting from zero. */
  public void reset() {
    byEndpoint.clear();
    byStatus.clear();
  }
}
