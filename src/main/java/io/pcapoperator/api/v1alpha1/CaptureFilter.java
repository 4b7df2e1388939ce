package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.Objects;

/** Which packets to capture. Every field is optional; an empty filter captures all packets. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaptureFilter {

  /** An IPv4 address in dotted-quad form, each octet 0-255 without leading zeros. */
  public static final String IPV4_PATTERN =
      "^((25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])$";

  @Size(max = 15)
  @Pattern(IPV4_PATTERN)
  @JsonPropertyDescription("Source IPv4 address of the packets to capture, e.g. 198.51.100.4.")
  private String sourceAddress;

  @Size(max = 15)
  @Pattern(IPV4_PATTERN)
  @JsonPropertyDescription("Destination IPv4 address of the packets to capture, e.g. 203.0.113.7.")
  private String destinationAddress;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Source TCP or UDP port, 1-65535.")
  private Integer sourcePort;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Destination TCP or UDP port, 1-65535.")
  private Integer destinationPort;

  @Min(0)
  @Max(255)
  @JsonPropertyDescription("IP protocol number, 0-255: 6 is TCP, 17 is UDP, 1 is ICMP.")
  private Integer protocol;

  public String getSourceAddress() {
    return sourceAddress;
  }

  public void setSourceAddress(String sourceAddress) {
    this.sourceAddress = sourceAddress;
  }

  public String getDestinationAddress() {
    return destinationAddress;
  }

  public void setDestinationAddress(String destinationAddress) {
    this.destinationAddress = destinationAddress;
  }

  public Integer getSourcePort() {
    return sourcePort;
  }

  public void setSourcePort(Integer sourcePort) {
    this.sourcePort = sourcePort;
  }

  public Integer getDestinationPort() {
    return destinationPort;
  }

  public void setDestinationPort(Integer destinationPort) {
    this.destinationPort = destinationPort;
  }

  public Integer getProtocol() {
    return protocol;
  }

  public void setProtocol(Integer protocol) {
    this.protocol = protocol;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CaptureFilter other
        && Objects.equals(sourceAddress, other.sourceAddress)
        && Objects.equals(destinationAddress, other.destinationAddress)
        && Objects.equals(sourcePort, other.sourcePort)
        && Objects.equals(destinationPort, other.destinationPort)
        && Objects.equals(protocol, other.protocol);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sourceAddress, destinationAddress, sourcePort, destinationPort, protocol);
  }
}
