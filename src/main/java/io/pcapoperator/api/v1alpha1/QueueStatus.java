package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where a capture waits for its account to allow another capture. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QueueStatus {

  @JsonPropertyDescription("Place in the account's queue for this type of capture; 1 is next.")
  private Integer position;

  @JsonPropertyDescription("The earliest time the capture is expected to be submitted.")
  private String notBefore;

  public QueueStatus() {}

  public QueueStatus(Integer position, String notBefore) {
    this.position = position;
    this.notBefore = notBefore;
  }

  public Integer getPosition() {
    return position;
  }

  public void setPosition(Integer position) {
    this.position = position;
  }

  public String getNotBefore() {
    return notBefore;
  }

  public void setNotBefore(String notBefore) {
    this.notBefore = notBefore;
  }
}
