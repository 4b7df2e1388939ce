package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** What the capture's pcap file holds, read from the file by the operator. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaptureSummary {
  @JsonPropertyDescription("Packets in the file.")
  private Long packets;

  @JsonPropertyDescription(
      "Bytes of the packets on the wire: the sum of their original lengths (tshark's frame.len),"
          + " though a simple capture's file keeps only the first 160 bytes of each.")
  private Long bytes;

  @JsonPropertyDescription(
      "Time of the earliest packet, RFC 3339 in UTC with the file's precision (microseconds, or"
          + " nanoseconds).")
  private String firstPacketTime;

  @JsonPropertyDescription(
      "Time of the latest packet, RFC 3339 in UTC with the file's precision (microseconds, or"
          + " nanoseconds).")
  private String lastPacketTime;

  @JsonPropertyDescription(
      "Packets and bytes of each IP protocol in the file, most packets first, ties by protocol"
          + " number. Frames without an IP packet (ARP, say) count only in packets and bytes.")
  private List<ProtocolCount> protocols;

  @JsonPropertyDescription(
      "The five source addresses with the most packets, most first; ties go to the lower address,"
          + " IPv4 before IPv6.")
  private List<AddressCount> topSources;

  @JsonPropertyDescription(
      "The five TCP or UDP destination ports with the most packets, most first; ties go to the"
          + " lower port. TCP and UDP count together; only a datagram's first fragment has a"
          + " port.")
  private List<PortCount> topDestinationPorts;

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

  public String getFirstPacketTime() {
    return firstPacketTime;
  }

  public void setFirstPacketTime(String firstPacketTime) {
    this.firstPacketTime = firstPacketTime;
  }

  public String getLastPacketTime() {
    return lastPacketTime;
  }

  public void setLastPacketTime(String lastPacketTime) {
    this.lastPacketTime = lastPacketTime;
  }

  public List<ProtocolCount> getProtocols() {
    return protocols;
  }

  public void setProtocols(List<ProtocolCount> protocols) {
    this.protocols = protocols;
  }

  public List<AddressCount> getTopSources() {
    return topSources;
  }

  public void setTopSources(List<AddressCount> topSources) {
    this.topSources = topSources;
  }

  public List<PortCount> getTopDestinationPorts() {
    return topDestinationPorts;
  }

  public void setTopDestinationPorts(List<PortCount> topDestinationPorts) {
    this.topDestinationPorts = topDestinationPorts;
  }
}
