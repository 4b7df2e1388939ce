package io.pcapoperator.devcluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServingCertificateTest {
  @Test
  void aRestartedApiServesTheCertificateASavedKubeconfigTrusts(@TempDir Path dev) throws Exception {
    String trusted;
    try (EmbeddedKubernetes first =
        EmbeddedKubernetes.startHttps(0, ServingCertificate.loadOrGenerate(dev))) {
      first.writeKubeconfig(dev.resolve("kubeconfig"), "default");
      trusted = ServingCertificate.loadOrGenerate(dev).pem();
    }

    try (EmbeddedKubernetes restarted =
        EmbeddedKubernetes.startHttps(0, ServingCertificate.loadOrGenerate(dev))) {
      HttpResponse<String> version =
          HttpClient.newBuilder()
              .sslContext(trusting(trusted))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(restarted.url() + "/version")).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(version.statusCode()).isEqualTo(200);
    }
    assertThat(Files.readString(dev.resolve("kubeconfig")))
        .contains(
            java.util.Base64.getEncoder()
                .encodeToString(trusted.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void theKeyAndCertificateAreReadableByTheirOwnerOnly(@TempDir Path dev) throws Exception {
    ServingCertificate.loadOrGenerate(dev.resolve("dev"));

    for (String file : new String[] {"ca.key", "ca.crt"}) {
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dev.resolve("dev").resolve(file))))
          .isEqualTo("rw-------");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dev.resolve("dev"))))
        .isEqualTo("rwx------");
  }

  private static SSLContext trusting(String pem) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry(
        "ca",
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
