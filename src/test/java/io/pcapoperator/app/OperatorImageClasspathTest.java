package io.pcapoperator.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.simulator.PcapSimulator;
import io.pcapoperator.simulator.SimulatorConfig;
import io.pcapoperator.storage.S3ObjectStore;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image carries only what {@code run} needs: the operator runs on the main classes
 * with the image's libraries, those the build copies to {@code target/image-lib}, without the ones
 * of dev's embedded Kubernetes API, simulator and S3 server; {@code dev} there fails in one line.
 */
class OperatorImageClasspathTest {
  private URLClassLoader image;

  @BeforeEach
  void loadTheImagesClasspath() throws MalformedURLException {
    List<String> excluded =
        Stream.concat(
                listed("image.excludedGroupIds").map(g -> g.replace('.', File.separatorChar)),
                listed("image.excludedArtifactIds"))
            .map(directory -> File.separator + directory + File.separator)
            .toList();
    assertThat(listed("image.excludedGroupIds")).as("set by the build").isNotEmpty();
    assertThat(listed("image.excludedArtifactIds")).as("set by the build").isNotEmpty();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    URL[] urls =
        Arrays.stream(classpath.split(File.pathSeparator))
            .filter(entry -> !entry.endsWith("test-classes"))
            .filter(entry -> excluded.stream().noneMatch(entry::contains))
            .map(entry -> toUrl(Path.of(entry)))
            .toArray(URL[]::new);
    image = new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  @AfterEach
  void close() throws Exception {
    image.close();
  }

  @Test
  void theImageLeavesOutTheDevLibraries() {
    assertThatThrownBy(() -> Class.forName(DevCommand.DEV_ONLY_CLASS, false, image))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () -> Class.forName("org.bouncycastle.cert.X509CertificateHolder", false, image))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.gaul.s3proxy.S3Proxy", false, image))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("org.jclouds.ContextBuilder", false, image))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(
            () -> Class.forName("com.fasterxml.jackson.dataformat.xml.XmlMapper", false, image))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void theImageKeepsTheObjectStoreAndItsSdk() throws Exception {
    Class<?> store = Class.forName(S3ObjectStore.class.getName(), true, image);
    ((AutoCloseable) store.getConstructor().newInstance()).close();

    assertThat(Class.forName("software.amazon.awssdk.services.s3.S3Client", true, image))
        .isNotNull();
    assertThat(
            Class.forName(
                "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient", true, image))
        .isNotNull();
  }

  @Test
  void runReconcilesWithTheImagesLibraries(@TempDir Path tmp) throws Exception {
    try (OperatorHarness harness = OperatorHarness.start();
        PcapSimulator realTime =
            PcapSimulator.start(SimulatorConfig.defaults(), Clock.systemUTC(), 0)) {
      harness.stopOperator();
      Path kubeconfig = tmp.resolve("kubeconfig");
      harness.kube.writeKubeconfig(kubeconfig, "default");
      System.setProperty("kubeconfig", kubeconfig.toString());
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      CountDownLatch stop = new CountDownLatch(1);
      try {
        CompletableFuture<Object> exit =
            CompletableFuture.supplyAsync(
                () ->
                    execute(
                        List.of("run", "--namespaces", OperatorHarness.NAMESPACE),
                        Map.of(
                            "CLOUDFLARE_BASE_URL", realTime.baseUrl(),
                            "PCAP_HTTP_PORT", "0",
                            "PCAP_LEADER_ELECTION", "false"),
                        err,
                        stop));
        harness.createTokenSecret("dev-token");
        harness.apply(OperatorHarness.simple("in-the-image"));

        PacketCapture done =
            harness.await(
                "in-the-image", c -> c.phase() == CapturePhase.Succeeded, Duration.ofSeconds(30));
        assertThat(done.remoteId()).isEqualTo(realTime.captures().get(0).id());

        stop.countDown();
        assertThat(exit.get(30, TimeUnit.SECONDS))
            .as(err.toString(StandardCharsets.UTF_8))
            .isEqualTo(0);
      } finally {
        System.clearProperty("kubeconfig");
      }
    }
  }

  @Test
  void devSaysInOneLineThatTheImageHasNotItsLibraries() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    Object status = execute(List.of("dev"), Map.of(), err, new CountDownLatch(1));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
        .singleElement()
        .asString()
        .startsWith("pcap-operator: dev needs the libraries of the embedded Kubernetes API");
  }

  /**
   * {@code Main.execute} as loaded from the image's classpath, on a thread whose context class
   * loader is the image's too (fabric8 finds its model classes through it); its exit status.
   */
  private Object execute(
      List<String> args, Map<String, String> env, ByteArrayOutputStream err, CountDownLatch stop) {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(image);
    try {
      Class<?> main = Class.forName(Main.class.getName(), true, image);
      Method execute =
          main.getDeclaredMethod(
              "execute",
              List.class,
              Map.class,
              PrintStream.class,
              PrintStream.class,
              CountDownLatch.class);
      execute.setAccessible(true);
      return execute.invoke(
          null,
          args,
          env,
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8),
          stop);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** The comma-separated values of a system property the build sets. */
  private static Stream<String> listed(String property) {
    return Arrays.stream(System.getProperty(property, "").split(","))
        .map(String::strip)
        .filter(value -> !value.isEmpty());
  }

  private static URL toUrl(Path entry) {
    try {
      return entry.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(entry.toString(), e);
    }
  }
}
