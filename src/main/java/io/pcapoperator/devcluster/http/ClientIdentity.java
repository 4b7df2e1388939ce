package io.pcapoperator.devcluster.http;

import java.util.List;

/**
 * Who every client of the embedded API is: one user in {@code system:masters}, who may do
 * everything. The kubeconfig {@code dev} writes names the same user.
 */
public final class ClientIdentity {
  /** The user's name. */
  public static final String USER = "pcap-operator-dev";

  /** The user's groups. */
  static final List<String> GROUPS = List.of("system:masters", "system:authenticated");

  private ClientIdentity() {}
}
