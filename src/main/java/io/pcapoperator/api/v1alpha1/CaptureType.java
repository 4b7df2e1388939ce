package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The kind of capture: sampled packets across all colos, or every packet in one colo. */
public enum CaptureType {
  /** A sampled capture of historical traffic, finished within seconds, downloadable. */
  @JsonProperty("simple")
  SIMPLE,
  /** A capture of new traffic in one colo, written to a customer bucket. */
  @JsonProperty("full")
  FULL
}
