package io.pcapoperator.simulator;

import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.cloudflare.PcapStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated accounts' captures and the per-account rules: one simple capture per minute, at
 * most one pending or running full capture, and (when configured) only validated buckets.
 */
final class CaptureStore {
  private static final int NOT_FOUND = 1003;
  private static final int RATE_LIMITED = 1010;
  private static final int FULL_BUSY = 1011;
  private static final int NOT_STOPPABLE = 1012;
  private static final int NOT_DOWNLOADABLE = 1013;
  private static final int BUCKET_NOT_VALIDATED = 1014;
  private static final Duration SIMPLE_INTERVAL = Duration.ofMinutes(1);
  private static final int LIST_LIMIT = 50;

  private final SimulatorConfig config;
  private final Clock clock;
  private final Faults faults;
  private final Ownerships ownerships;
  private final Map<String, SimulatedCapture> captures = new HashMap<>();
  private final Map<String, Instant> lastSimpleCreate = new HashMap<>();

  CaptureStore(SimulatorConfig config, Clock clock, Faults faults, Ownerships ownerships) {
    this.config = config;
    this.clock = clock;
    this.faults = faults;
    this.ownerships = ownerships;
  }

  /** Creates a capture, enforcing the account's rules. */
  synchronized Pcap create(String accountId, PcapRequest request) {
    Instant now = clock.instant();
    if (PcapRequest.TYPE_SIMPLE.equals(request.type())) {
      Instant last = lastSimpleCreate.get(accountId);
      if (last != null && now.isBefore(last.plus(SIMPLE_INTERVAL))) {
        Duration wait = Duration.between(now, last.plus(SIMPLE_INTERVAL));
        throw new SimulatorError(
            config.simpleRateError(),
            RATE_LIMITED,
            "Rate limit exceeded: one simple packet capture per minute per account",
            wait);
      }
      lastSimpleCreate.put(accountId, now);
    } else {
      boolean busy =
          captures.values().stream()
              .anyMatch(c -> c.accountId().equals(accountId) && c.isActiveFull(now));
      if (busy) {
        throw new SimulatorError(
            config.fullConcurrencyError(),
            FULL_BUSY,
            "A full packet capture is already pending or running on this account");
      }
      if (config.requireValidatedOwnership()
          && !ownerships.isValidated(accountId, request.destinationConf())) {
        throw new SimulatorError(
            400,
            BUCKET_NOT_VALIDATED,
            "destination_conf names a bucket whose ownership was not validated");
      }
    }
    String id = Ids.next();
    SimulatedCapture capture =
        new SimulatedCapture(id, accountId, request, now, config, faults.takeCaptureFailure());
    captures.put(id, capture);
    return capture.view(now);
  }

  /** One capture of the account. */
  synchronized Pcap get(String accountId, String id) {
    return find(accountId, id).view(clock.instant());
  }

  /** One page of a list: at most 50 items, and the number of all there are. */
  record Page(List<Pcap> items, int totalCount) {}

  /** The account's newest captures, at most 50, and how many it has in all. */
  synchronized Page list(String accountId) {
    Instant now = clock.instant();
    List<SimulatedCapture> all =
        captures.values().stream().filter(c -> c.accountId().equals(accountId)).toList();
    return new Page(
        all.stream()
            .sorted(Comparator.comparing(SimulatedCapture::submitted).reversed())
            .limit(LIST_LIMIT)
            .map(c -> c.view(now))
            .toList(),
        all.size());
  }

  /** Stops a pending or running full capture. */
  synchronized void stop(String accountId, String id) {
    SimulatedCapture capture = find(accountId, id);
    Instant now = clock.instant();
    if (!capture.isFull()) {
      throw new SimulatorError(400, NOT_STOPPABLE, "only full packet captures can be stopped");
    }
    PcapStatus status = capture.status(now);
    if (status != PcapStatus.PENDING && status != PcapStatus.RUNNING) {
      throw new SimulatorError(
          400, NOT_STOPPABLE, "the packet capture is " + status.wireValue() + ", not running");
    }
    capture.stop(now);
  }

  /** The pcap file of a finished simple capture. */
  synchronized byte[] download(String accountId, String id) {
    SimulatedCapture capture = find(accountId, id);
    if (capture.isFull()) {
      throw new SimulatorError(
          400, NOT_DOWNLOADABLE, "full packet captures are written to their bucket");
    }
    PcapStatus status = capture.status(clock.instant());
    if (status != PcapStatus.SUCCESS) {
      throw new SimulatorError(
          400, NOT_DOWNLOADABLE, "the packet capture is " + status.wireValue() + ", not success");
    }
    Duration window = Duration.ofSeconds(capture.request().timeLimit());
    return PcapFileWriter.write(
        capture.simplePackets(),
        capture.request().filterV1(),
        capture.lookBackFrom().minus(window),
        window);
  }

  /** The full captures whose status is success at {@code now}. */
  synchronized List<SimulatedCapture> succeededFull(Instant now) {
    return captures.values().stream()
        .filter(c -> c.isFull() && c.status(now) == PcapStatus.SUCCESS)
        .toList();
  }

  /** Every capture of every account, for tests. */
  synchronized List<Pcap> all() {
    Instant now = clock.instant();
    List<Pcap> out = new ArrayList<>();
    captures.values().stream()
        .sorted(Comparator.comparing(SimulatedCapture::submitted))
        .forEach(c -> out.add(c.view(now)));
    return out;
  }

  /** When capture {@code id} reached, or will reach, its terminal status. */
  synchronized Optional<Instant> finishedAt(String id) {
    return Optional.ofNullable(captures.get(id)).map(SimulatedCapture::finishedAt);
  }

  private SimulatedCapture find(String accountId, String id) {
    SimulatedCapture capture = captures.get(id);
    if (capture == null || !capture.accountId().equals(accountId)) {
      throw new SimulatorError(404, NOT_FOUND, "packet capture " + id + " not found");
    }
    return capture;
  }
}
