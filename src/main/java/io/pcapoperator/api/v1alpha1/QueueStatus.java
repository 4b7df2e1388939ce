package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Where a capture waits for its account to allow another capture, and when it should start. Written
 * when the capture is queued and not as the queue drains: estimated again only when the start time
 * passes with the capture still waiting, at most twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QueueStatus {

  @JsonPropertyDescription(
      "Place in the account's queue for this type of capture (1 is next) when the capture was"
          + " queued, or when its start was last estimated again; not updated as the queue drains.")
  private Integer position;

  @JsonPropertyDescription(
      "When the capture is expected to be submitted, estimated when it was queued; it does not"
          + " change as the queue drains. If it passes with the capture still waiting (Cloudflare"
          + " asked the account to wait, say), it is estimated again, later by as much as it"
          + " proved late, at most twice.")
  private String notBefore;

  @JsonPropertyDescription(
      "How many times notBefore was estimated again after it passed; at most 2. Omitted when it"
          + " was not.")
  private Integer revisions;

  public QueueStatus() {}

  public QueueStatus(Integer position, String notBefore, Integer revisions) {
    this.position = position;
    this.notBefore = notBefore;
    this.revisions = revisions;
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

  public Integer getRevisions() {
    return revisions;
  }

  public void setRevisions(Integer revisions) {
    this.revisions = revisions;
  }
}
