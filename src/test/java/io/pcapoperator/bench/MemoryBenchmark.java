package io.pcapoperator.bench;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import io.pcapoperator.clock.ScaledClock;
import io.pcapoperator.devcluster.EmbeddedKubernetes;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.testing.Secrets;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Measures the operator's memory with 10 000 PacketCaptures in its cache: the operator runs alone
 * in a JVM of its own ({@code run}) sized as in the chart's pod (a 512 MiB memory limit, the heap
 * at most 75% of it, serial GC as the JVM picks for a small container) against the embedded
 * Kubernetes API and the simulator of this JVM; 10 000 simple captures over 100 accounts are
 * created, and the operator writes a status on each (most are Queued). Its heap (from {@code
 * jstat}) and resident set (from {@code /proc}) are sampled every second and printed. Run it with
 * {@code mvn -q -Pbench test-compile exec:java -Dbench.main=io.pcapoperator.bench.MemoryBenchmark}.
 */
public final class MemoryBenchmark {
  private static final int CAPTURES = 10_000;
  private static final int ACCOUNTS = 100;
  private static final String NAMESPACE = "bench";

  /** The pod's memory limit, as the JVM would see it in the container. */
  private static final String POD_MEMORY = "-XX:MaxRAM=512m";

  private static final long GOAL_RSS_MIB = 300;

  private MemoryBenchmark() {}

  public static void main(String[] args) throws Exception {
    try (EmbeddedKubernetes kube = EmbeddedKubernetes.start(0);
        PcapSimulator simulator =
            PcapSimulator.start(SimulatorConfig.defaults(), ScaledClock.real(), 0)) {
      KubernetesClient client = kube.client();
      kube.server().createNamespace(NAMESPACE);
      Secrets.createToken(client, NAMESPACE, "cloudflare-api", SimulatorConfig.DEV_TOKEN);
      Path dir = Files.createDirectories(Path.of("target", "bench"));
      Path kubeconfig = dir.resolve("memory-kubeconfig");
      kube.writeKubeconfig(kubeconfig, NAMESPACE);
      Path gcLog = dir.resolve("memory-gc.log");
      Files.deleteIfExists(gcLog);
      Process operator =
          startOperator(kubeconfig, simulator.baseUrl(), dir.resolve("memory.log"), gcLog);
      try {
        Memory peak = Memory.ZERO;
        createAll(client);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        int withStatus = 0;
        while (withStatus < CAPTURES && System.nanoTime() < deadline) {
          TimeUnit.SECONDS.sleep(1);
          peak = peak.max(Memory.of(operator.pid()));
          withStatus = withStatus(client);
        }
        for (int i = 0; i < 10; i++) {
          TimeUnit.SECONDS.sleep(1);
          peak = peak.max(Memory.of(operator.pid()));
        }
        jcmd(operator.pid(), "GC.run");
        Memory now = Memory.of(operator.pid());
        print(withStatus, peak, now, HeapFigures.from(Files.readAllLines(gcLog)));
      } finally {
        operator.destroy();
        operator.waitFor(10, TimeUnit.SECONDS);
      }
    }
    System.exit(0);
  }

  private static Process startOperator(Path kubeconfig, String cloudflare, Path log, Path gcLog)
      throws IOException, URISyntaxException {
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            POD_MEMORY,
            "-XX:MaxRAMPercentage=75",
            "-XX:+UseSerialGC",
            "-Xlog:gc:file=" + gcLog.toAbsolutePath(),
            "-cp",
            classPath(),
            "io.pcapoperator.app.Main",
            "run",
            "--cloudflare-base-url",
            cloudflare,
            "--leader-election",
            "false",
            "--namespaces",
            NAMESPACE,
            "--http-port",
            Integer.toString(freePort()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
    return builder.start();
  }

  /** The project's class path: under {@code exec:java} it is the class loader's, not the JVM's. */
  private static String classPath() throws URISyntaxException {
    if (MemoryBenchmark.class.getClassLoader() instanceof URLClassLoader loader) {
      List<String> entries = new ArrayList<>();
      for (URL url : loader.getURLs()) {
        entries.add(Path.of(url.toURI()).toString());
      }
      return String.join(File.pathSeparator, entries);
    }
    return System.getProperty("java.class.path");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void createAll(KubernetesClient client) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    IntStream.range(0, CAPTURES)
        .forEach(i -> pool.submit(() -> client.resource(capture(i)).create()));
    pool.shutdown();
    pool.awaitTermination(10, TimeUnit.MINUTES);
  }

  private static PacketCapture capture(int i) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(String.format("%032x", 0xbe0000L + i % ACCOUNTS));
    spec.setCredentialsSecretRef(new SecretReference("cloudflare-api"));
    spec.setType(CaptureType.SIMPLE);
    spec.setTimeLimit(60);
    spec.setPacketLimit(100);
    PacketCapture capture = new PacketCapture();
    capture.getMetadata().setName(String.format("c-%05d", i));
    capture.getMetadata().setNamespace(NAMESPACE);
    capture.setSpec(spec);
    return capture;
  }

  private static int withStatus(KubernetesClient client) {
    return (int)
        client.resources(PacketCapture.class).inNamespace(NAMESPACE).list().getItems().stream()
            .filter(c -> c.getStatus() != null && c.getStatus().getPhase() != null)
            .count();
  }

  private static void print(int withStatus, Memory peak, Memory now, HeapFigures heap) {
    double rssPeakMib = peak.hwmKib() / 1024.0;
    System.out.printf(
        "%ncaptures with a status in the operator's cache: %d of %d%n", withStatus, CAPTURES);
    System.out.printf(
        "operator JVM (%s, heap at most 75%%, serial GC): heap before a collection at most %d MiB,"
            + " live after a full GC %d MiB%n",
        POD_MEMORY, heap.peakMib(), heap.liveMib());
    System.out.printf(
        "operator RSS: now %.0f MiB, peak (VmHWM) %.0f MiB; goal <= %d MiB: %s%n",
        now.rssKib() / 1024.0,
        rssPeakMib,
        GOAL_RSS_MIB,
        rssPeakMib <= GOAL_RSS_MIB ? "met" : "not met");
  }

  /**
   * Heap figures from the lines {@code -Xlog:gc} writes, such as {@code Pause Young ...
   * 60M->21M(99M)}.
   */
  private record HeapFigures(long peakMib, long liveMib) {
    private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\)");

    static HeapFigures from(List<String> gcLog) {
      long peak = 0;
      long lastAfter = 0;
      for (String line : gcLog) {
        Matcher pause = PAUSE.matcher(line);
        if (pause.find()) {
          peak = Math.max(peak, Long.parseLong(pause.group(1)));
          lastAfter = Long.parseLong(pause.group(2));
        }
      }
      return new HeapFigures(peak, lastAfter);
    }
  }

  private static void jcmd(long pid, String command) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process process =
        new ProcessBuilder(jcmd, Long.toString(pid), command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    process.waitFor();
  }

  /** One sample of the operator's resident set, in KiB; {@link #max} keeps the larger of each. */
  private record Memory(long rssKib, long hwmKib) {
    static final Memory ZERO = new Memory(0, 0);

    static Memory of(long pid) throws IOException {
      List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      return new Memory(procKib(status, "VmRSS:"), procKib(status, "VmHWM:"));
    }

    Memory max(Memory other) {
      return new Memory(Math.max(rssKib, other.rssKib), Math.max(hwmKib, other.hwmKib));
    }

    private static long procKib(List<String> status, String field) {
      return status.stream()
          .filter(line -> line.startsWith(field))
          .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
          .map(Long::parseLong)
          .collect(Collectors.reducing(0L, Long::max));
    }
  }
}
