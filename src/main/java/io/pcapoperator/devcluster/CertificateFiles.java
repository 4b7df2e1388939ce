package io.pcapoperator.devcluster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;

/**
 * The embedded API's certificate and private key as PEM files in one directory ({@code ca.crt},
 * {@code ca.key}), readable by their owner only, so that a restart serves the certificate that
 * saved kubeconfigs trust.
 */
final class CertificateFiles {
  private static final String CERTIFICATE = "ca.crt";
  private static final String KEY = "ca.key";

  private final Path directory;

  /** The files in {@code directory}. */
  CertificateFiles(Path directory) {
    this.directory = directory;
  }

  /**
   * The certificate and key kept there, when both are.
   *
   * @param certificatePem the certificate in PEM
   * @param certificate the certificate
   * @param key its private key
   */
  record Stored(String certificatePem, X509Certificate certificate, PrivateKey key) {}

  /** What the directory holds; empty when either file is missing. */
  Optional<Stored> read() throws IOException, GeneralSecurityException {
    Path certificateFile = directory.resolve(CERTIFICATE);
    Path keyFile = directory.resolve(KEY);
    if (!Files.isRegularFile(certificateFile) || !Files.isRegularFile(keyFile)) {
      return Optional.empty();
    }
    String pem = Files.readString(certificateFile, StandardCharsets.US_ASCII);
    X509Certificate certificate =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    byte[] pkcs8 =
        Base64.getMimeDecoder()
            .decode(
                Files.readString(keyFile, StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", ""));
    PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    return Optional.of(new Stored(pem, certificate, key));
  }

  /** Writes {@code certificatePem} and {@code key}, replacing what was there. */
  void write(String certificatePem, PrivateKey key) throws IOException {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (!Files.isDirectory(directory)) {
      if (posix) {
        Files.createDirectories(
            directory,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(directory);
      }
    }
    String keyPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    ownerOnly(directory.resolve(KEY), keyPem, posix);
    ownerOnly(directory.resolve(CERTIFICATE), certificatePem, posix);
  }

  /** Writes {@code file} created readable by its owner only, before any content is in it. */
  private static void ownerOnly(Path file, String content, boolean posix) throws IOException {
    Files.deleteIfExists(file);
    if (posix) {
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
  }
}
