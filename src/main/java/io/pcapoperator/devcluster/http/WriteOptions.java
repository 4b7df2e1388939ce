package io.pcapoperator.devcluster.http;

import java.util.ArrayList;
import java.util.List;

/**
 * How one write request is carried out.
 *
 * @param dryRun whether to check and answer without storing ({@code dryRun=All})
 * @param fieldValidation the {@code fieldValidation} parameter, or {@code null}
 * @param warnings collects the response's {@code Warning} headers
 */
public record WriteOptions(boolean dryRun, String fieldValidation, List<String> warnings) {
  /** A plain write. */
  public static WriteOptions plain() {
    return new WriteOptions(false, null, new ArrayList<>());
  }
}
