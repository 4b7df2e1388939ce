package io.pcapoperator.devcluster;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate for the embedded API's HTTPS, valid for {@code localhost} and {@code
 * 127.0.0.1}. Clients trust it as their certificate authority. It is made anew at each start, or
 * kept with its key in a directory and reused, so that a saved kubeconfig keeps working.
 */
public final class ServingCertificate {
  private static final Duration VALIDITY = Duration.ofDays(365);
  private static final Duration RENEW_BEFORE = Duration.ofDays(1);
  private static final char[] KEY_STORE_PASSWORD = new char[0];

  private final SSLContext sslContext;
  private final String pem;

  private ServingCertificate(SSLContext sslContext, String pem) {
    this.sslContext = sslContext;
    this.pem = pem;
  }

  /**
   * The certificate and key kept in {@code directory} ({@code ca.crt}, {@code ca.key}) while they
   * are valid for another day; otherwise a new EC P-256 key and a certificate for it, valid from an
   * hour ago for a year, written there readable by their owner only.
   */
  public static ServingCertificate loadOrGenerate(Path directory) {
    CertificateFiles files = new CertificateFiles(directory);
    try {
      Optional<CertificateFiles.Stored> stored = files.read();
      if (stored.isPresent()
          && stored
              .get()
              .certificate()
              .getNotAfter()
              .toInstant()
              .isAfter(Instant.now().plus(RENEW_BEFORE))) {
        return of(stored.get().certificatePem(), stored.get().certificate(), stored.get().key());
      }
      KeyPair keys = newKeys();
      X509Certificate certificate = selfSigned(keys);
      String pem = toPem(certificate);
      files.write(pem, keys.getPrivate());
      return of(pem, certificate, keys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(
          "could not read or make the embedded API's certificate in " + directory, e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not read or write the embedded API's certificate in " + directory, e);
    }
  }

  private static KeyPair newKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static ServingCertificate of(String pem, X509Certificate certificate, PrivateKey key)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("embedded-api", key, KEY_STORE_PASSWORD, new Certificate[] {certificate});
    KeyManagerFactory keyManagers =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(store, KEY_STORE_PASSWORD);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyManagers.getKeyManagers(), null, new SecureRandom());
    return new ServingCertificate(context, pem);
  }

  /** The server side of TLS with this certificate. */
  public SSLContext sslContext() {
    return sslContext;
  }

  /** The certificate in PEM, for a kubeconfig's {@code certificate-authority-data}. */
  public String pem() {
    return pem;
  }

  private static X509Certificate selfSigned(KeyPair keys)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("CN=pcap-operator embedded Kubernetes API");
    Instant now = Instant.now();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(VALIDITY)),
            subject,
            keys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    builder.addExtension(
        Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
    builder.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  private static String toPem(X509Certificate certificate) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      writer.writeObject(certificate);
    }
    return text.toString();
  }
}
