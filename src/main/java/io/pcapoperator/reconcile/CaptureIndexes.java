package io.pcapoperator.reconcile;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import java.util.List;

/**
 * Indexes of the PacketCapture cache: by credentials Secret, by Cloudflare account, and by the
 * remote id recorded in status.
 */
final class CaptureIndexes {
  private static final String SECRET = "credentials-secret";
  private static final String ACCOUNT = "account";
  private static final String REMOTE_ID = "remote-id";

  private CaptureIndexes() {}

  /** Adds the indexes to the controller's cache. */
  static void register(EventSourceContext<PacketCapture> context) {
    context
        .getPrimaryCache()
        .addIndexer(
            SECRET,
            capture ->
                List.of(secretKey(capture.getMetadata().getNamespace(), secretName(capture))));
    context
        .getPrimaryCache()
        .addIndexer(
            ACCOUNT,
            capture ->
                capture.getSpec() == null || capture.getSpec().getAccountId() == null
                    ? List.of()
                    : List.of(capture.getSpec().getAccountId()));
    context
        .getPrimaryCache()
        .addIndexer(
            REMOTE_ID,
            capture -> capture.remoteId() == null ? List.of() : List.of(capture.remoteId()));
  }

  /** The captures whose status records the remote id {@code id}. */
  static List<PacketCapture> holdingId(Context<PacketCapture> context, String id) {
    return context.getPrimaryCache().byIndex(REMOTE_ID, id);
  }

  /** The captures that name the Secret {@code namespace/name}. */
  static List<PacketCapture> usingSecret(
      EventSourceContext<PacketCapture> context, String namespace, String name) {
    return context.getPrimaryCache().byIndex(SECRET, secretKey(namespace, name));
  }

  /** Every capture of {@code capture}'s account, itself included. */
  static List<PacketCapture> sameAccount(Context<PacketCapture> context, PacketCapture capture) {
    return context.getPrimaryCache().byIndex(ACCOUNT, capture.getSpec().getAccountId());
  }

  /** The name of the Secret a capture reads its credentials from, or "" when it names none. */
  static String secretName(PacketCapture capture) {
    var ref = capture.getSpec() == null ? null : capture.getSpec().getCredentialsSecretRef();
    return ref == null || ref.getName() == null ? "" : ref.getName();
  }

  private static String secretKey(String namespace, String name) {
    return namespace + "/" + name;
  }
}
