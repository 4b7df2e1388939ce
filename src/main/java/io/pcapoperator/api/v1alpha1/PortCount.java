package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A TCP or UDP destination port and how many packets went to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PortCount {
  @JsonPropertyDescription("Destination port, 0-65535.")
  private Integer port;

  @JsonPropertyDescription("Packets to this port.")
  private Long packets;

  public PortCount() {}

  public PortCount(Integer port, Long packets) {
    this.port = port;
    this.packets = packets;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public Long getPackets() {
    return packets;
  }

  public void setPackets(Long packets) {
    this.packets = packets;
  }
}
