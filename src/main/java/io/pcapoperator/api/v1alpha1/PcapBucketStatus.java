package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** What the operator knows of the bucket's ownership record at Cloudflare. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PcapBucketStatus {

  @JsonPropertyDescription("Cloudflare's id of the ownership record, recorded as soon as known.")
  private String ownershipId;

  @JsonPropertyDescription(
      "Name of the challenge file Cloudflare wrote into the bucket; its contents go into"
          + " spec.challenge.value unless the operator reads them itself.")
  private String filename;

  @JsonPropertyDescription("Pending, AwaitingChallenge, Validating, Validated or Failed.")
  private BucketPhase phase;

  @JsonPropertyDescription(
      "True when the operator found the record at Cloudflare instead of creating it; such a"
          + " record is kept on deletion unless spec.deletionPolicy is Delete.")
  private Boolean adopted;

  @JsonPropertyDescription("When Cloudflare validated the bucket, as it reported it.")
  private String validatedAt;

  @JsonPropertyDescription(
      "What the operator is doing or waiting for, as the Ready condition says.")
  private String message;

  @JsonPropertyDescription(
      "When the operator started its create request; set while the record's id is not yet known,"
          + " so that a restarted operator finds the record instead of creating a second one.")
  private String createStarted;

  @JsonPropertyDescription(
      "Fingerprint (16 hex digits of its SHA-256) of the challenge last sent or refused, so that"
          + " the same value is not sent again and a new one is.")
  private String challengeHash;

  @JsonPropertyDescription("When the operator last sent the challenge to Cloudflare.")
  private String validationSentAt;

  @JsonPropertyDescription("The metadata.generation that this status reflects.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Ready is True once the bucket is validated; its reason tells AwaitingChallenge,"
          + " WrongChallenge, Validating, Failed, CredentialsNotFound, AuthenticationFailed and"
          + " RemoteUnavailable apart. Reconciling (still in progress) and Stalled (failed, or"
          + " waiting for the user) follow kstatus.")
  private List<Condition> conditions = new ArrayList<>();

  public String getOwnershipId() {
    return ownershipId;
  }

  public void setOwnershipId(String ownershipId) {
    this.ownershipId = ownershipId;
  }

  public String getFilename() {
    return filename;
  }

  public void setFilename(String filename) {
    this.filename = filename;
  }

  public BucketPhase getPhase() {
    return phase;
  }

  public void setPhase(BucketPhase phase) {
    this.phase = phase;
  }

  public Boolean getAdopted() {
    return adopted;
  }

  public void setAdopted(Boolean adopted) {
    this.adopted = adopted;
  }

  public String getValidatedAt() {
    return validatedAt;
  }

  public void setValidatedAt(String validatedAt) {
    this.validatedAt = validatedAt;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getCreateStarted() {
    return createStarted;
  }

  public void setCreateStarted(String createStarted) {
    this.createStarted = createStarted;
  }

  public String getChallengeHash() {
    return challengeHash;
  }

  public void setChallengeHash(String challengeHash) {
    this.challengeHash = challengeHash;
  }

  public String getValidationSentAt() {
    return validationSentAt;
  }

  public void setValidationSentAt(String validationSentAt) {
    this.validationSentAt = validationSentAt;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }
}
