package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.cloudflare.Pcap;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
  private static final Instant SUBMITTED = Instant.parse("2026-11-22T08:00:00Z");
  private final PollSchedule schedule = PollSchedule.defaults();

  private static Pcap pcap(String type, String status, int timeLimit) {
    return new Pcap(
        "66802ca5668e47a2b82c2e6746e45037",
        "magic-transit",
        type,
        status,
        "2026-11-22T08:00:00.000000Z",
        timeLimit,
        100,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void terminalCapturesAreNeverReadAgain() {
    for (String status : new String[] {"success", "failed", "complete"}) {
      assertThat(schedule.next(pcap("full", status, 300), SUBMITTED.plusSeconds(400))).isEmpty();
    }
  }

  @Test
  void fullCaptureIsReadWhenItsTimeLimitEndsButWithinTheStalenessBound() {
    assertThat(schedule.next(pcap("full", "running", 30), SUBMITTED.plusSeconds(1)))
        .contains(Duration.ofSeconds(29));
    assertThat(schedule.next(pcap("full", "running", 3600), SUBMITTED.plusSeconds(1)))
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void overdueCaptureBacksOffInProportionToHowLateItIs() {
    assertThat(schedule.next(pcap("full", "running", 300), SUBMITTED.plusSeconds(301)))
        .contains(Duration.ofSeconds(2));
    assertThat(schedule.next(pcap("full", "running", 300), SUBMITTED.plusSeconds(340)))
        .contains(Duration.ofSeconds(20));
    assertThat(schedule.next(pcap("full", "running", 300), SUBMITTED.plusSeconds(900)))
        .contains(Duration.ofSeconds(60));
  }

  @Test
  void simpleCaptureIsReadShortlyAfterSubmission() {
    assertThat(schedule.next(pcap("simple", "pending", 300), SUBMITTED))
        .contains(Duration.ofSeconds(2));
  }

  @Test
  void convertingCaptureIsReadAtTheConversionInterval() {
    assertThat(schedule.next(pcap("full", "conversion_running", 300), SUBMITTED.plusSeconds(320)))
        .contains(Duration.ofSeconds(15));
  }
}
