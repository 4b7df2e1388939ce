package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A source address and how many packets it sent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AddressCount {
  @JsonPropertyDescription("IPv4 or IPv6 source address; IPv6 as RFC 5952 writes it.")
  private String address;

  @JsonPropertyDescription("Packets from this address.")
  private Long packets;

  public AddressCount() {}

  public AddressCount(String address, Long packets) {
    this.address = address;
    this.packets = packets;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public Long getPackets() {
    return packets;
  }

  public void setPackets(Long packets) {
    this.packets = packets;
  }
}
