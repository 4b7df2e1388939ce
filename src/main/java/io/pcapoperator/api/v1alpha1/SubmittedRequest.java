package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The capture request as the operator sent it to Cloudflare, recorded with the Submitting mark.
 * Sync, adoption and the stop on deletion act on this copy, never on a spec edited afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SubmittedRequest {

  @JsonPropertyDescription("The Cloudflare account the capture was created in.")
  private String accountId;

  @JsonPropertyDescription("The capture system sent, magic-transit.")
  private String system;

  @JsonPropertyDescription("simple or full, as sent.")
  private CaptureType type;

  @JsonPropertyDescription("The time limit sent, in seconds.")
  private Integer timeLimit;

  @JsonPropertyDescription("The packet limit sent, if any.")
  private Integer packetLimit;

  @JsonPropertyDescription("The byte limit sent; full captures only.")
  private Long byteLimit;

  @JsonPropertyDescription("The colo sent; full captures only.")
  private String coloName;

  @JsonPropertyDescription("The bucket URI sent; full captures only.")
  private String destinationConf;

  @JsonPropertyDescription("The packet filter sent; absent when every packet was asked for.")
  private CaptureFilter filter;

  @JsonPropertyDescription(
      "The look-back time sent with a simple capture: spec.offsetTime, or status.requestedAt.")
  private String offsetTime;

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public String getSystem() {
    return system;
  }

  public void setSystem(String system) {
    this.system = system;
  }

  public CaptureType getType() {
    return type;
  }

  public void setType(CaptureType type) {
    this.type = type;
  }

  public Integer getTimeLimit() {
    return timeLimit;
  }

  public void setTimeLimit(Integer timeLimit) {
    this.timeLimit = timeLimit;
  }

  public Integer getPacketLimit() {
    return packetLimit;
  }

  public void setPacketLimit(Integer packetLimit) {
    this.packetLimit = packetLimit;
  }

  public Long getByteLimit() {
    return byteLimit;
  }

  public void setByteLimit(Long byteLimit) {
    this.byteLimit = byteLimit;
  }

  public String getColoName() {
    return coloName;
  }

  public void setColoName(String coloName) {
    this.coloName = coloName;
  }

  public String getDestinationConf() {
    return destinationConf;
  }

  public void setDestinationConf(String destinationConf) {
    this.destinationConf = destinationConf;
  }

  public CaptureFilter getFilter() {
    return filter;
  }

  public void setFilter(CaptureFilter filter) {
    this.filter = filter;
  }

  public String getOffsetTime() {
    return offsetTime;
  }

  public void setOffsetTime(String offsetTime) {
    this.offsetTime = offsetTime;
  }
}
