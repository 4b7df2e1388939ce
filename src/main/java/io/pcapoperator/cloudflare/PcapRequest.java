package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /accounts/{account_id}/pcaps}: a simple or a full capture request. Fields
 * that do not apply to the request's type are null and left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PcapRequest(
    @JsonProperty("system") String system,
    @JsonProperty("type") String type,
    @JsonProperty("time_limit") Integer timeLimit,
    @JsonProperty("packet_limit") Integer packetLimit,
    @JsonProperty("byte_limit") Long byteLimit,
    @JsonProperty("colo_name") String coloName,
    @JsonProperty("destination_conf") String destinationConf,
    @JsonProperty("filter_v1") PcapFilter filterV1,
    @JsonProperty("offset_time") String offsetTime) {

  /** The only capture system the API knows. */
  public static final String SYSTEM_MAGIC_TRANSIT = "magic-transit";

  /** Type value of a simple (sampled) capture. */
  public static final String TYPE_SIMPLE = "simple";

  /** Type value of a full capture written to a bucket. */
  public static final String TYPE_FULL = "full";
}
