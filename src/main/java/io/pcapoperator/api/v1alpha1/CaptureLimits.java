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

  private CaptureLimits() {}
}
