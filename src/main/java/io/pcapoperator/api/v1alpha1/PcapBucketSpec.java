package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The bucket whose ownership to prove to Cloudflare, so that full captures may be written to it.
 * The account and the bucket are fixed once created.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value =
        "self.accountId == oldSelf.accountId && self.destinationConf == oldSelf.destinationConf",
    message =
        "accountId and destinationConf are immutable; create a new PcapBucket for another bucket")
public class PcapBucketSpec {

  @Required
  @Size(max = 32)
  @Pattern(CaptureLimits.ACCOUNT_ID_PATTERN)
  @JsonPropertyDescription("Cloudflare account id: 32 lowercase hex characters.")
  private String accountId;

  @Required
  @JsonPropertyDescription(
      "Secret in this namespace with the Cloudflare credentials: key apiToken (an API token with"
          + " the PCAPs Write permission), or keys apiKey and email.")
  private SecretReference credentialsSecretRef;

  @Required
  @Size(max = 1024)
  @Pattern(CaptureLimits.DESTINATION_CONF_PATTERN)
  @JsonPropertyDescription(
      "The bucket, exactly as full captures name it: s3://bucket/dir?region=r, gs://bucket/dir or"
          + " r2://bucket?account-id=id (leave R2 access keys out).")
  private String destinationConf;

  @JsonPropertyDescription(
      "How to get the contents of the challenge file: leave out to be shown its name and paste"
          + " its contents into challenge.value later.")
  private BucketChallenge challenge;

  @JsonPropertyDescription(
      "On deletion, Delete removes the ownership record at Cloudflare and Orphan keeps it. Left"
          + " out, a record the operator created is deleted and one it adopted is kept.")
  private BucketDeletionPolicy deletionPolicy;

  public String getAccountId() {
    return accountId;
  }

  public void setAccountId(String accountId) {
    this.accountId = accountId;
  }

  public SecretReference getCredentialsSecretRef() {
    return credentialsSecretRef;
  }

  public void setCredentialsSecretRef(SecretReference credentialsSecretRef) {
    this.credentialsSecretRef = credentialsSecretRef;
  }

  public String getDestinationConf() {
    return destinationConf;
  }

  public void setDestinationConf(String destinationConf) {
    this.destinationConf = destinationConf;
  }

  public BucketChallenge getChallenge() {
    return challenge;
  }

  public void setChallenge(BucketChallenge challenge) {
    this.challenge = challenge;
  }

  public BucketDeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(BucketDeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
