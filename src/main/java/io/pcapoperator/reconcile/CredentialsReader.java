package io.pcapoperator.reconcile;

import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.cloudflare.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Cloudflare credentials from a Secret: key {@code apiToken}, or keys {@code apiKey} and
 * {@code email}. Problems are described by key name only; values never leave this class except
 * inside {@link Credentials}, whose {@code toString} hides them.
 */
public final class CredentialsReader {
  /** Secret key of an API token. */
  public static final String API_TOKEN_KEY = "apiToken";

  /** Secret key of a global API key. */
  public static final String API_KEY_KEY = "apiKey";

  /** Secret key of the account email that goes with a global API key. */
  public static final String EMAIL_KEY = "email";

  private CredentialsReader() {}

  /** The outcome of reading a Secret: credentials, or why there are none. */
  public sealed interface Result {}

  /** Usable credentials. */
  public record Found(Credentials credentials) implements Result {}

  /** No usable credentials, with a message fit for a condition. */
  public record Missing(String message) implements Result {}

  /**
   * Reads the credentials Secret that {@code capture} names, from the controller's cache; {@code
   * capture} need not be the one being reconciled.
   */
  public static Result read(PacketCapture capture, Context<PacketCapture> context) {
    return read(
        CaptureIndexes.secretName(capture),
        context
            .eventSourceRetriever()
            .getEventSourceFor(Secret.class)
            .getSecondaryResource(capture));
  }

  /** Reads {@code secret}, which may be absent, named {@code secretName}. */
  public static Result read(String secretName, Optional<Secret> secret) {
    if (secret.isEmpty()) {
      return new Missing("Secret " + secretName + " not found in this namespace");
    }
    Optional<String> token = value(secret.get(), API_TOKEN_KEY);
    if (token.isPresent()) {
      return new Found(new Credentials.ApiToken(token.get()));
    }
    Optional<String> key = value(secret.get(), API_KEY_KEY);
    Optional<String> email = value(secret.get(), EMAIL_KEY);
    if (key.isPresent() && email.isPresent()) {
      return new Found(new Credentials.ApiKey(email.get(), key.get()));
    }
    return new Missing(
        "Secret "
            + secretName
            + " has neither the key "
            + API_TOKEN_KEY
            + " nor both keys "
            + API_KEY_KEY
            + " and "
            + EMAIL_KEY);
  }

  /** The non-blank value of {@code key} in {@code secret}, stripped; never logged. */
  static Optional<String> value(Secret secret, String key) {
    Map<String, String> stringData = secret.getStringData();
    if (stringData != null && notBlank(stringData.get(key))) {
      return Optional.of(stringData.get(key).strip());
    }
    Map<String, String> data = secret.getData();
    if (data == null || data.get(key) == null) {
      return Optional.empty();
    }
    try {
      String decoded =
          new String(Base64.getDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
      return notBlank(decoded) ? Optional.of(decoded.strip()) : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
