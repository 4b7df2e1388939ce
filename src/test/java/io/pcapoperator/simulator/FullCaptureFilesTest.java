package io.pcapoperator.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.cloudflare.HttpPcapsApi;
import io.pcapoperator.cloudflare.Pcap;
import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.cloudflare.PcapRequest;
import io.pcapoperator.pcapfile.PcapFileReader;
import io.pcapoperator.pcapfile.PcapFileSummary;
import io.pcapoperator.storage.S3ObjectStore;
import io.pcapoperator.storage.StorageCredentials;
import io.pcapoperator.storage.StorageTarget;
import io.pcapoperator.testing.ManualClock;
import io.pcapoperator.testing.Tshark;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator writes a full capture's {@code pcap_<id>.pcap} into its bucket once the capture
 * succeeds, when it is given a {@link BucketWriter} that reaches that bucket; nothing otherwise.
 */
class FullCaptureFilesTest {
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final Credentials TOKEN = new Credentials.ApiToken(SimulatorConfig.DEV_TOKEN);
  private static final StorageCredentials KEYS =
      new StorageCredentials("sim-access-key", "sim-secret-key");
  private static final Instant START = Instant.parse("2026-11-22T08:00:00Z");
  private static final PcapFilter UDP_TO_DNS = new PcapFilter(null, null, null, 53, 17);

  @TempDir Path dir;

  private final ManualClock clock = new ManualClock(START);
  private EmbeddedS3 s3;
  private PcapSimulator simulator;
  private HttpPcapsApi api;
  private S3ObjectStore store;

  @BeforeEach
  void start() {
    s3 = EmbeddedS3.start(0, KEYS.accessKeyId(), KEYS.secretAccessKey(), List.of("pcaps"));
    simulator = PcapSimulator.start(SimulatorConfig.defaults(), clock, 0);
    api = HttpPcapsApi.withDefaults(simulator.baseUrl());
    store = new S3ObjectStore();
  }

  @AfterEach
  void stop() {
    store.close();
    simulator.close();
    s3.close();
  }

  @Test
  void aSucceededFullCaptureLeavesItsPacketsInItsBucketWithinTheTimeItCollected() throws Exception {
    simulator.writeBucketsWith(new BucketWriter(s3.endpoint(), KEYS));
    Pcap created = create("s3://pcaps/netops/ord?region=us-east-1", 60);
    String key = "netops/ord/pcap_" + created.id() + ".pcap";

    clock.advance(Duration.ofSeconds(30));
    assertThat(api.get(TOKEN, ACCOUNT, created.id()).status()).isEqualTo("running");
    assertThat(object(key)).as("nothing before the capture succeeds").isEmpty();

    clock.advance(Duration.ofMinutes(2));
    Pcap succeeded = api.get(TOKEN, ACCOUNT, created.id());
    assertThat(succeeded.status()).isEqualTo("success");

    byte[] file = object(key).orElseThrow();
    PcapFileSummary read = PcapFileReader.read(new ByteArrayInputStream(file));
    assertThat(read.summary().getPackets()).isEqualTo(succeeded.packetsCaptured()).isEqualTo(6000);
    Instant collectedFrom = START.plus(SimulatorConfig.defaults().fullPendingDuration());
    assertThat(Instant.parse(read.summary().getFirstPacketTime())).isAfter(collectedFrom);
    assertThat(Instant.parse(read.summary().getLastPacketTime()))
        .isBefore(collectedFrom.plusSeconds(60));
    if (Tshark.onPath("tshark")) {
      Path copy = Files.write(dir.resolve("full.pcap"), file);
      assertThat(Tshark.read(copy, "-Y", "!(udp.dstport == 53)")).isBlank();
    }
  }

  @Test
  void aStoppedFullCaptureLeavesWhatItCollectedUntilTheStop() throws Exception {
    simulator.writeBucketsWith(new BucketWriter(s3.endpoint(), KEYS));
    Pcap created = create("s3://pcaps", 600);
    clock.advance(Duration.ofSeconds(12));
    api.stop(TOKEN, ACCOUNT, created.id());
    clock.advance(Duration.ofMinutes(1));

    Pcap succeeded =
        api.list(TOKEN, ACCOUNT).stream()
            .filter(p -> p.id().equals(created.id()))
            .findFirst()
            .get();
    assertThat(succeeded.status()).isEqualTo("success");
    byte[] file = object("pcap_" + created.id() + ".pcap").orElseThrow();
    assertThat(PcapFileReader.read(new ByteArrayInputStream(file)).summary().getPackets())
        .isEqualTo(succeeded.packetsCaptured())
        .isEqualTo(1000);
  }

  @Test
  void bucketsTheStoreDoesNotHaveAndOtherSchemesGetNothing() {
    simulator.writeBucketsWith(new BucketWriter(s3.endpoint(), KEYS));
    Pcap elsewhere = create("s3://not-here/netops", 1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(api.get(TOKEN, ACCOUNT, elsewhere.id()).status()).isEqualTo("success");

    Pcap google = create("gs://pcaps/netops", 1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(api.get(TOKEN, ACCOUNT, google.id()).status()).isEqualTo("success");

    assertThat(object("netops/pcap_" + google.id() + ".pcap")).isEmpty();
    assertThat(object("netops/pcap_" + elsewhere.id() + ".pcap")).isEmpty();
  }

  @Test
  void withoutABucketWriterNothingIsWritten() {
    Pcap created = create("s3://pcaps/netops", 1);
    clock.advance(Duration.ofMinutes(1));
    assertThat(api.get(TOKEN, ACCOUNT, created.id()).status()).isEqualTo("success");

    assertThat(object("netops/pcap_" + created.id() + ".pcap")).isEmpty();
  }

  private Pcap create(String destinationConf, int timeLimit) {
    return api.create(
        TOKEN,
        ACCOUNT,
        new PcapRequest(
            "magic-transit",
            "full",
            timeLimit,
            null,
            null,
            "ORD",
            destinationConf,
            UDP_TO_DNS,
            null));
  }

  private Optional<byte[]> object(String key) {
    return store.get(StorageTarget.of(s3.endpoint().toString(), null, "pcaps", null, KEYS), key);
  }
}
