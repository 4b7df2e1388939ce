package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Packets and bytes of one IP protocol in a pcap file. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProtocolCount {
  @JsonPropertyDescription(
      "IP protocol: TCP, UDP, ICMP, ICMPv6, GRE, ESP, or else its number, such as \"51\". For IPv6,"
          + " the header after any Hop-by-Hop, Routing, Fragment and Destination Options headers.")
  private String protocol;

  @JsonPropertyDescription("Packets of this protocol.")
  private Long packets;

  @JsonPropertyDescription("Bytes of those packets on the wire (their original lengths).")
  private Long bytes;

  public ProtocolCount() {}

  public ProtocolCount(String protocol, Long packets, Long bytes) {
    this.protocol = protocol;
    this.packets = packets;
    this.bytes = bytes;
  }

  public String getProtocol() {
    return protocol;
  }

  public void setProtocol(String protocol) {
    this.protocol = protocol;
  }

  public Long getPackets() {
    return packets;
  }

  public void setPackets(Long packets) {
    this.packets = packets;
  }

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }
}
