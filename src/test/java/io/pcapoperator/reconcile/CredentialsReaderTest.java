package io.pcapoperator.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.pcapoperator.cloudflare.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsReaderTest {
  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<Secret> secret(Map<String, String> data) {
    return Optional.of(
        new SecretBuilder().withNewMetadata().withName("cf").endMetadata().withData(data).build());
  }

  @Test
  void readsAnApiTokenAndHidesItFromToString() {
    var result = CredentialsReader.read("cf", secret(Map.of("apiToken", b64("tok-123\n"))));
    assertThat(result).isEqualTo(new CredentialsReader.Found(new Credentials.ApiToken("tok-123")));
    assertThat(result.toString()).doesNotContain("tok-123");
  }

  @Test
  void readsAnApiKeyWithEmail() {
    var result =
        CredentialsReader.read(
            "cf", secret(Map.of("apiKey", b64("k-456"), "email", b64("ops@example.com"))));
    assertThat(result)
        .isEqualTo(new CredentialsReader.Found(new Credentials.ApiKey("ops@example.com", "k-456")));
    assertThat(result.toString()).doesNotContain("k-456");
  }

  @Test
  void readsStringData() {
    Secret secret =
        new SecretBuilder()
            .withNewMetadata()
            .withName("cf")
            .endMetadata()
            .withStringData(Map.of("apiToken", "plain"))
            .build();
    assertThat(CredentialsReader.read("cf", Optional.of(secret)))
        .isEqualTo(new CredentialsReader.Found(new Credentials.ApiToken("plain")));
  }

  @Test
  void explainsWhatIsMissingByKeyName() {
    assertThat(CredentialsReader.read("cf", Optional.empty()))
        .isEqualTo(new CredentialsReader.Missing("Secret cf not found in this namespace"));
    assertThat(CredentialsReader.read("cf", secret(Map.of("apiKey", b64("k-456")))))
        .isEqualTo(
            new CredentialsReader.Missing(
                "Secret cf has neither the key apiToken nor both keys apiKey and email"));
    assertThat(CredentialsReader.read("cf", secret(Map.of("apiToken", b64("  ")))))
        .isInstanceOf(CredentialsReader.Missing.class);
  }
}
