package io.pcapoperator.simulator;

import io.pcapoperator.storage.StorageTarget;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * The bucket, directory and region of a {@code destination_conf} such as {@code
 * s3://my-bucket/pcaps?region=us-east-1}.
 *
 * @param bucket the bucket
 * @param directory the directory in it, without leading or trailing slashes; empty for its root
 * @param region the {@code region} query parameter, else {@value StorageTarget#DEFAULT_REGION}
 */
record S3Destination(String bucket, String directory, String region) {

  /** The destination {@code destinationConf} names; empty unless it is an {@code s3://} URI. */
  static Optional<S3Destination> parse(String destinationConf) {
    if (destinationConf == null) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(destinationConf);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!"s3".equals(uri.getScheme()) || uri.getAuthority() == null) {
      return Optional.empty();
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    return Optional.of(new S3Destination(uri.getAuthority(), path, region(uri.getQuery())));
  }

  /** The key of file {@code name} in the directory. */
  String key(String name) {
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
    return StorageTarget.DEFAULT_REGION;
  }
}
