package io.pcapoperator.api.v1alpha1;

/** The Cloudflare PCAPs API's documented limits, shared by the CRD schema and the validator. */
public final class CaptureLimits {
  /** Longest simple capture, in seconds. */
  public static final int SIMPLE_TIME_LIMIT_MAX = 300;

  /** Longest full capture, in seconds (24 hours). */
  public static final int FULL_TIME_LIMIT_MAX = 86_400;

  /** Most packets one capture may collect. */
  public static final int PACKET_LIMIT_MAX = 10_000;

  /** Most bytes one full capture may collect. */
  public static final long BYTE_LIMIT_MAX = 1_000_000_000L;

  /** How far back a simple capture's offset time may reach, in hours. */
  public static final int OFFSET_TIME_MAX_AGE_HOURS = 24;

  /** A Cloudflare account id: 32 lowercase hex characters. */
  public static final String ACCOUNT_ID_PATTERN = "^[0-9a-f]{32}$";

  /** A Kubernetes object name (DNS subdomain), as a Secret's name must be. */
  public static final String SECRET_NAME_PATTERN = "^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$";

  /** A bucket URI of S3, Google Cloud Storage or R2. */
  public static final String DESTINATION_CONF_PATTERN = "^(s3|gs|r2)://[^/?#\\s]+\\S*$";

  /** A colo (ord02) or a multi-colo name (ORD). */
  public static final String COLO_NAME_PATTERN = "^[A-Za-z]{3}[0-9]{0,3}$";

  /** An RFC 3339 timestamp with a zone: 2026-11-22T08:00:00Z or 2026-11-22T09:00:00.5+01:00. */
  public static final String RFC3339_PATTERN =
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$";

  /** A Cloudflare PCAP id: 32 lowercase hex characters. */
  public static final String CAPTURE_ID_PATTERN = "^[0-9a-f]{32}$";

  /** A Go-style duration of hours, minutes and seconds: 168h, 90m, 1h30m, 45s. */
  public static final String DURATION_PATTERN =
      "^([0-9]{1,6}h([0-9]{1,6}m)?([0-9]{1,6}s)?|[0-9]{1,6}m([0-9]{1,6}s)?|[0-9]{1,6}s)$";

  /** An S3 bucket name: lowercase letters, digits, dots and hyphens. */
  public static final String BUCKET_NAME_PATTERN = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$";

  /** An object key prefix: no leading slash, no control characters. */
  public static final String OBJECT_PREFIX_PATTERN = "^[^/\\x00-\\x1f][^\\x00-\\x1f]*$";

  /** An http or https URL of an S3-compatible endpoint. */
  public static final String ENDPOINT_PATTERN = "^https?://[^/?#\\s]+(/\\S*)?$";

  /** A storage region name: us-east-1, eu-central-1, auto. */
  public static final String REGION_PATTERN = "^[a-z0-9-]{1,32}$";

  private CaptureLimits() {}
}
