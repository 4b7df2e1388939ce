package io.pcapoperator.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.pcapoperator.cloudflare.RequestListener;
import java.time.Duration;

/**
 * Counts every request to the Cloudflare API by endpoint and HTTP status ({@code 0} when no answer
 * came), and times them by endpoint. Labels are bounded: five endpoints, a few statuses.
 */
final class RemoteRequestMetrics implements RequestListener {
  private final MeterRegistry registry;

  RemoteRequestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onAttempt(String endpoint, int status, Duration latency) {
    Counter.builder("pcap_operator_remote_requests")
        .description("Requests to the Cloudflare PCAPs API, by endpoint and HTTP status")
        .tag("endpoint", endpoint)
        .tag("status", Integer.toString(status))
        .register(registry)
        .increment();
    Timer.builder("pcap_operator_remote_request_duration")
        .description("Latency of requests to the Cloudflare PCAPs API")
        .tag("endpoint", endpoint)
        .register(registry)
        .record(latency);
    if (status == 429) {
      Counter.builder("pcap_operator_remote_rate_limited")
          .description("Requests Cloudflare answered with 429")
          .tag("endpoint", endpoint)
          .register(registry)
          .increment();
    }
  }
}
