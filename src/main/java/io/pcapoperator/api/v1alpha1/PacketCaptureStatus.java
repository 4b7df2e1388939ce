package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator knows of the capture: its remote id and state, mirrored from Cloudflare. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PacketCaptureStatus {

  @JsonPropertyDescription("Cloudflare's id of the capture, recorded as soon as it is created.")
  private String id;

  @JsonPropertyDescription(
      "Pending, Queued, Submitting, Running, Converting, Succeeded, Failed or Stopped.")
  private CapturePhase phase;

  @JsonPropertyDescription("The capture's status as Cloudflare last reported it, verbatim.")
  private String remoteStatus;

  @JsonPropertyDescription("When Cloudflare accepted the capture, as it reported it.")
  private String submitted;

  @JsonPropertyDescription(
      "When the capture was asked for: the resource's creation time. A simple capture without"
          + " spec.offsetTime looks back from this time, however long it waited in its account's"
          + " queue or for the operator.")
  private String requestedAt;

  @JsonPropertyDescription(
      "Set while the capture waits for its account (one simple capture a minute and one pending"
          + " or running full capture per account): when it is expected to start, written when it"
          + " is queued and not as the queue drains.")
  private QueueStatus queue;

  @JsonPropertyDescription(
      "When the operator started its create request; set while the remote id is not yet known, so"
          + " that a restarted operator adopts the capture instead of creating a second one.")
  private String submissionStarted;

  @JsonPropertyDescription(
      "Fingerprint of the create request the operator sent (16 hex digits of its SHA-256); a"
          + " capture is adopted after a lost answer only for the request it fingerprints.")
  private String submissionHash;

  @JsonPropertyDescription(
      "The create request as sent, recorded before it was sent. Sync, adoption and the stop on"
          + " deletion follow it, whatever the spec says later.")
  private SubmittedRequest request;

  @JsonPropertyDescription("Packets captured so far, as Cloudflare reports them.")
  private Long packetsCaptured;

  @JsonPropertyDescription("When a stop was requested, as Cloudflare reports it.")
  private String stopRequested;

  @JsonPropertyDescription(
      "True when the capture was adopted with spec.captureId rather than made by the operator;"
          + " status.request then records the capture as Cloudflare described it.")
  private Boolean adopted;

  @JsonPropertyDescription(
      "When the capture ended (Succeeded, Failed or Stopped), on the operator's clock;"
          + " spec.ttlSecondsAfterFinished counts from here.")
  private String finishedAt;

  @JsonPropertyDescription(
      "Where the capture's packets are: the stored copy of a simple capture's file, or a full"
          + " capture's bucket and file names.")
  private CaptureArtifact artifact;

  @JsonPropertyDescription(
      "What the capture's pcap file holds (protocols, top sources and destination ports), read"
          + " from the file once the capture succeeded.")
  private CaptureSummary summary;

  @JsonPropertyDescription("Why the capture failed, from Cloudflare or from the operator.")
  private String errorMessage;

  @JsonPropertyDescription("The metadata.generation that this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription("When the operator last read the capture from Cloudflare.")
  private String lastSyncTime;

  @JsonPropertyDescription(
      "Ready is True once the capture succeeded; its reason tells Queued, Running, Converting,"
          + " Failed, InvalidSpec, AuthenticationFailed and RemoteUnavailable apart. Reconciling"
          + " (still in progress) and Stalled (failed, or waiting for the user) follow kstatus.")
  private List<Condition> conditions = new ArrayList<>();

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public CapturePhase getPhase() {
    return phase;
  }

  public void setPhase(CapturePhase phase) {
    this.phase = phase;
  }

  public String getRemoteStatus() {
    return remoteStatus;
  }

  public void setRemoteStatus(String remoteStatus) {
    this.remoteStatus = remoteStatus;
  }

  public String getSubmitted() {
    return submitted;
  }

  public void setSubmitted(String submitted) {
    this.submitted = submitted;
  }

  public String getRequestedAt() {
    return requestedAt;
  }

  public void setRequestedAt(String requestedAt) {
    this.requestedAt = requestedAt;
  }

  public QueueStatus getQueue() {
    return queue;
  }

  public void setQueue(QueueStatus queue) {
    this.queue = queue;
  }

  public String getSubmissionStarted() {
    return submissionStarted;
  }

  public void setSubmissionStarted(String submissionStarted) {
    this.submissionStarted = submissionStarted;
  }

  public String getSubmissionHash() {
    return submissionHash;
  }

  public void setSubmissionHash(String submissionHash) {
    this.submissionHash = submissionHash;
  }

  public SubmittedRequest getRequest() {
    return request;
  }

  public void setRequest(SubmittedRequest request) {
    this.request = request;
  }

  public Long getPacketsCaptured() {
    return packetsCaptured;
  }

  public void setPacketsCaptured(Long packetsCaptured) {
    this.packetsCaptured = packetsCaptured;
  }

  public Boolean getAdopted() {
    return adopted;
  }

  public void setAdopted(Boolean adopted) {
    this.adopted = adopted;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }

  public CaptureArtifact getArtifact() {
    return artifact;
  }

  public void setArtifact(CaptureArtifact artifact) {
    this.artifact = artifact;
  }

  public CaptureSummary getSummary() {
    return summary;
  }

  public void setSummary(CaptureSummary summary) {
    this.summary = summary;
  }

  public String getStopRequested() {
    return stopRequested;
  }

  public void setStopRequested(String stopRequested) {
    this.stopRequested = stopRequested;
  }

  public String getErrorMessage() {
    return errorMessage;
  }

  public void setErrorMessage(String errorMessage) {
    this.errorMessage = errorMessage;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastSyncTime() {
    return lastSyncTime;
  }

  public void setLastSyncTime(String lastSyncTime) {
    this.lastSyncTime = lastSyncTime;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
