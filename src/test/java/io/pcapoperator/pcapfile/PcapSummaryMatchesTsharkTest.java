package io.pcapoperator.pcapfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.pcapoperator.cloudflare.PcapFilter;
import io.pcapoperator.simulator.PcapFileWriter;
import io.pcapoperator.testing.Tshark;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every figure of the summary of a simulator's pcap file is what tshark reads in the same file
 * ({@link TsharkStatistics}), for captures of several filters. Runs wherever tshark is installed;
 * CI installs it.
 */
class PcapSummaryMatchesTsharkTest {
  private static final Instant FROM = Instant.parse("2026-11-22T07:58:00.123456Z");

  @TempDir Path dir;

  @BeforeEach
  void tsharkIsInstalled() {
    Tshark.assumeInstalled();
  }

  static Stream<Arguments> captures() {
    return Stream.of(
        Arguments.of("everything", PcapFilter.ANY, 3000),
        Arguments.of("HTTPS to one host", new PcapFilter(null, "203.0.113.7", null, 443, 6), 400),
        Arguments.of("UDP", new PcapFilter(null, null, null, null, 17), 1000),
        Arguments.of("one destination port", new PcapFilter(null, null, null, 8080, null), 700),
        Arguments.of("one source", new PcapFilter("192.0.2.44", null, 5353, null, null), 250),
        Arguments.of("GRE", new PcapFilter(null, null, null, null, 47), 300),
        Arguments.of("a single packet", PcapFilter.ANY, 1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("captures")
  void everyFigureIsTsharks(String name, PcapFilter filter, int packets) throws Exception {
    Path file = dir.resolve("capture.pcap");
    Files.write(file, PcapFileWriter.write(packets, filter, FROM, Duration.ofSeconds(120)));

    PcapFileSummary read;
    try (InputStream in = Files.newInputStream(file)) {
      read = PcapFileReader.read(in);
    }
    assertThat(read.bytes()).isEqualTo(Files.size(file));
    assertThat(read.summary().getPackets()).isEqualTo(packets);
    TsharkStatistics.assertMatches(file, read.summary());
  }
}
