package io.pcapoperator.cloudflare;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The {@code filter_v1} object of a PCAP request: which packets to capture. Null means any. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PcapFilter(
    @JsonProperty("source_address") String sourceAddress,
    @JsonProperty("destination_address") String destinationAddress,
    @JsonProperty("source_port") Integer sourcePort,
    @JsonProperty("destination_port") Integer destinationPort,
    @JsonProperty("protocol") Integer protocol) {

  /** A filter that matches every packet. */
  public static final PcapFilter ANY = new PcapFilter(null, null, null, null, null);

  /** Whether no field is set, which the API treats as "all packets". */
  @JsonIgnore
  public boolean isEmpty() {
    return equals(ANY);
  }
}
