package io.pcapoperator.cloudflare;

import java.util.List;
import java.util.Objects;

/**
 * How a request authenticates: an API token, or an account email with a global API key. The secret
 * parts never appear in {@link #toString()}.
 */
public sealed interface Credentials {

  /** A stable, non-secret label for the credential, used to key per-credential budgets. */
  String fingerprint();

  /** The values that go into request headers; secret. */
  List<String> headerValues();

  /** {@code Authorization: Bearer <token>}. */
  record ApiToken(String token) implements Credentials {
    public ApiToken {
      Objects.requireNonNull(token, "token");
    }

    @Override
    public String fingerprint() {
      return "token:" + Integer.toHexString(token.hashCode());
    }

    @Override
    public List<String> headerValues() {
      return List.of(token);
    }

    @Override
    public String toString() {
      return "ApiToken[***]";
    }
  }

  /** {@code X-Auth-Email} and {@code X-Auth-Key}. */
  record ApiKey(String email, String key) implements Credentials {
    public ApiKey {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String fingerprint() {
      return "key:" + email;
    }

    @Override
    public List<String> headerValues() {
      return List.of(email, key);
    }

    @Override
    public String toString() {
      return "ApiKey[email=" + email + ", key=***]";
    }
  }
}
