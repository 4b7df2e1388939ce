package io.pcapoperator.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * A bucket URI as Cloudflare's {@code destination_conf} spells it, such as {@code
 * s3://my-bucket/pcaps?region=us-east-1}, {@code gs://my-bucket/pcaps} or {@code
 * r2://my-bucket?account-id=...}.
 *
 * @param scheme {@code s3}, {@code gs} or {@code r2}
 * @param bucket the bucket
 * @param directory the directory in it, without leading or trailing slashes; empty for its root
 * @param region the {@code region} query parameter; {@code null} when there is none
 */
public record BucketLocation(String scheme, String bucket, String directory, String region) {

  /** The location {@code uri} names; empty when it is not a {@code scheme://bucket...} URI. */
  public static Optional<BucketLocation> parse(String uri) {
    if (uri == null) {
      return Optional.empty();
    }
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (parsed.getScheme() == null || parsed.getAuthority() == null) {
      return Optional.empty();
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath().replaceAll("^/+|/+$", "");
    return Optional.of(
        new BucketLocation(
            parsed.getScheme(), parsed.getAuthority(), path, region(parsed.getQuery())));
  }

  /** Whether it is an {@code s3://} bucket. */
  public boolean isS3() {
    return "s3".equals(scheme);
  }

  /** The key of file {@code name} in the directory. */
  public String key(String name) {
    return directory.isEmpty() ? name : directory + "/" + name;
  }

  private static String region(String query) {
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("region=") && parameter.length() > "region=".length()) {
          return parameter.substring("region=".length());
        }
      }
    }
    return null;
  }
}
