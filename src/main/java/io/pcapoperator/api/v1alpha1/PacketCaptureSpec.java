package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The packet capture to request from Cloudflare. All of it but {@code deletionPolicy} and {@code
 * credentialsSecretRef} is fixed once created: a capture cannot be changed remotely.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(
    value = "!has(self.type) || self.type != 'simple' || self.timeLimit <= 300",
    fieldPath = ".timeLimit",
    message = "timeLimit must be at most 300 seconds for a simple capture")
@ValidationRule(
    value = "!has(self.type) || self.type != 'simple' || has(self.packetLimit)",
    fieldPath = ".packetLimit",
    message = "packetLimit is required for a simple capture")
@ValidationRule(
    value =
        "!has(self.type) || self.type != 'full' || (has(self.coloName) &&"
            + " has(self.destinationConf))",
    message = "coloName and destinationConf are required for a full capture")
@ValidationRule(
    value =
        "!has(self.type) || self.type == 'full' || (!has(self.coloName) &&"
            + " !has(self.destinationConf))",
    message = "coloName and destinationConf apply to full captures only")
@ValidationRule(
    value = "!has(self.type) || self.type == 'full' || !has(self.byteLimit)",
    fieldPath = ".byteLimit",
    message = "byteLimit applies to full captures only")
@ValidationRule(
    value = "!has(self.type) || self.type == 'simple' || !has(self.offsetTime)",
    fieldPath = ".offsetTime",
    message = "offsetTime applies to simple captures only")
@ValidationRule(
    value = "!has(self.type) || self.type == 'simple' || !has(self.output)",
    fieldPath = ".output",
    message =
        "output applies to simple captures only: a full capture is written to destinationConf")
@ValidationRule(
    value = "has(self.captureId) || (has(self.type) && has(self.timeLimit))",
    message = "type and timeLimit are required, unless captureId names a capture to adopt")
@ValidationRule(
    value = PacketCaptureSpec.ADOPTION_RULE,
    fieldPath = ".captureId",
    message =
        "captureId adopts a capture as Cloudflare has it: leave out type, timeLimit and the"
            + " other request fields")
@ValidationRule(
    value = PacketCaptureSpec.IMMUTABLE_REQUEST_RULE,
    message =
        "the capture request is immutable: only deletionPolicy and credentialsSecretRef may"
            + " change; create a new PacketCapture instead")
public class PacketCaptureSpec {

  /** CEL: an adopted capture names no request field of its own. */
  static final String ADOPTION_RULE =
      "!has(self.captureId) || !(has(self.type) || has(self.timeLimit) || has(self.packetLimit)"
          + " || has(self.byteLimit) || has(self.coloName) || has(self.destinationConf)"
          + " || has(self.filter) || has(self.offsetTime))";

  /** CEL: every field that is sent to Cloudflare, or adopts, keeps its value, presence included. */
  static final String IMMUTABLE_REQUEST_RULE =
      "self.accountId == oldSelf.accountId"
          + " && has(self.captureId) == has(oldSelf.captureId)"
          + " && (!has(self.captureId) || self.captureId == oldSelf.captureId)"
          + " && has(self.type) == has(oldSelf.type)"
          + " && (!has(self.type) || self.type == oldSelf.type)"
          + " && has(self.timeLimit) == has(oldSelf.timeLimit)"
          + " && (!has(self.timeLimit) || self.timeLimit == oldSelf.timeLimit)"
          + " && has(self.system) == has(oldSelf.system)"
          + " && (!has(self.system) || self.system == oldSelf.system)"
          + " && has(self.packetLimit) == has(oldSelf.packetLimit)"
          + " && (!has(self.packetLimit) || self.packetLimit == oldSelf.packetLimit)"
          + " && has(self.byteLimit) == has(oldSelf.byteLimit)"
          + " && (!has(self.byteLimit) || self.byteLimit == oldSelf.byteLimit)"
          + " && has(self.coloName) == has(oldSelf.coloName)"
          + " && (!has(self.coloName) || self.coloName == oldSelf.coloName)"
          + " && has(self.destinationConf) == has(oldSelf.destinationConf)"
          + " && (!has(self.destinationConf) || self.destinationConf == oldSelf.destinationConf)"
          + " && has(self.filter) == has(oldSelf.filter)"
          + " && (!has(self.filter) || self.filter == oldSelf.filter)"
          + " && has(self.offsetTime) == has(oldSelf.offsetTime)"
          + " && (!has(self.offsetTime) || self.offsetTime == oldSelf.offsetTime)";

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

  @Default("magic-transit")
  @Size(max = 32)
  @Pattern("^magic-transit$")
  @JsonPropertyDescription("The system to capture from; only magic-transit exists.")
  private String system;

  @Size(max = 32)
  @Pattern(CaptureLimits.CAPTURE_ID_PATTERN)
  @JsonPropertyDescription(
      "Adopts an existing capture instead of making one: its id (32 hex characters), as the"
          + " dashboard or GET /accounts/{account_id}/pcaps shows it. Nothing is created; the"
          + " capture is mirrored, and stopped on deletion only with deletionPolicy Stop. Leave out"
          + " type, timeLimit and the other request fields.")
  private String captureId;

  @JsonPropertyDescription(
      "Required unless captureId is given. simple: sampled packets across all colos, first 160 bytes each, downloadable when done."
          + " full: every packet in one colo, written to the bucket in destinationConf.")
  private CaptureType type;

  @Min(1)
  @Max(CaptureLimits.FULL_TIME_LIMIT_MAX)
  @JsonPropertyDescription(
      "Required unless captureId is given. How long to capture, in seconds: 1-300 for simple captures, 1-86400 for full captures.")
  private Integer timeLimit;

  @Min(1)
  @Max(CaptureLimits.PACKET_LIMIT_MAX)
  @JsonPropertyDescription(
      "Most packets to capture, 1-10000. Required for simple captures, optional for full.")
  private Integer packetLimit;

  @Min(1)
  @Max(CaptureLimits.BYTE_LIMIT_MAX)
  @JsonPropertyDescription("Most bytes to capture, 1-1000000000. Full captures only.")
  private Long byteLimit;

  @Size(max = 6)
  @Pattern(CaptureLimits.COLO_NAME_PATTERN)
  @JsonPropertyDescription(
      "Colo to capture in: a data center (ord02) or a city's colos (ORD). Full captures only;"
          + " required there.")
  private String coloName;

  @Size(max = 1024)
  @Pattern(CaptureLimits.DESTINATION_CONF_PATTERN)
  @JsonPropertyDescription(
      "Bucket to write the pcap files to, whose ownership was validated with Cloudflare:"
          + " s3://bucket/dir?region=r, gs://bucket/dir or r2://bucket?account-id=id. Full captures"
          + " only; required there.")
  private String destinationConf;

  @JsonPropertyDescription("Which packets to capture; leave out to capture all packets.")
  private CaptureFilter filter;

  @Size(max = 40)
  @Pattern(CaptureLimits.RFC3339_PATTERN)
  @JsonPropertyDescription(
      "RFC 3339 time to look back from for packets, within the last 24 hours. Simple captures"
          + " only; defaults to the time of the request.")
  private String offsetTime;

  @JsonPropertyDescription(
      "On deletion, Stop ends a pending or running full capture first; Orphan leaves it to run"
          + " to its limits. Defaults to Stop for a capture the operator made, and to Orphan for"
          + " one adopted with captureId.")
  private DeletionPolicy deletionPolicy;

  @JsonPropertyDescription(
      "Simple captures: an S3-compatible bucket to copy the pcap file to once the capture"
          + " succeeds. Leave out to use the operator's default output, if it has one.")
  private CaptureOutput output;

  @Min(0)
  @JsonPropertyDescription(
      "Seconds after the capture ends (Succeeded, Failed or Stopped) to delete this PacketCapture,"
          + " as a Job's field of the same name does. Leave out to keep it.")
  private Integer ttlSecondsAfterFinished;

  public String getCaptureId() {
    return captureId;
  }

  public void setCaptureId(String captureId) {
    this.captureId = captureId;
  }

  public CaptureOutput getOutput() {
    return output;
  }

  public void setOutput(CaptureOutput output) {
    this.output = output;
  }

  public Integer getTtlSecondsAfterFinished() {
    return ttlSecondsAfterFinished;
  }

  public void setTtlSecondsAfterFinished(Integer ttlSecondsAfterFinished) {
    this.ttlSecondsAfterFinished = ttlSecondsAfterFinished;
  }

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

  public DeletionPolicy getDeletionPolicy() {
    return deletionPolicy;
  }

  public void setDeletionPolicy(DeletionPolicy deletionPolicy) {
    this.deletionPolicy = deletionPolicy;
  }
}
