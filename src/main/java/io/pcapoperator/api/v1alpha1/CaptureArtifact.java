package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * Where the capture's packets are. For a simple capture with an output: the stored copy of its pcap
 * file, recorded only after the upload completed. For a full capture: the bucket Cloudflare writes
 * to and the file names it uses.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CaptureArtifact {
  @JsonPropertyDescription(
      "The stored pcap file, as s3://bucket/key; set only once the upload completed.")
  private String uri;

  @JsonPropertyDescription(
      "Full captures: the bucket Cloudflare writes the capture's files to (spec.destinationConf).")
  private String location;

  @JsonPropertyDescription(
      "Full captures: the pcap_<id>.pcap file names expected in location; a long capture may be"
          + " split over several files, to be merged with mergecap.")
  private List<String> files;

  @JsonPropertyDescription("Size of the stored file in bytes.")
  private Long bytes;

  @JsonPropertyDescription("SHA-256 of the stored file, 64 lowercase hex digits.")
  private String sha256;

  @JsonPropertyDescription("Packets in the stored file.")
  private Long packets;

  @JsonPropertyDescription(
      "Time of the earliest packet in the file, RFC 3339 in UTC with the file's precision.")
  private String firstPacketTime;

  @JsonPropertyDescription(
      "Time of the latest packet in the file, RFC 3339 in UTC with the file's precision.")
  private String lastPacketTime;

  @JsonPropertyDescription("When the upload completed.")
  private String storedAt;

  @JsonPropertyDescription(
      "When the operator deleted the stored file, at the end of its retention or with the"
          + " PacketCapture; uri still names where it was.")
  private String deletedAt;

  @JsonPropertyDescription(
      "When the operator deletes the stored file (spec.output.retention), or the PacketCapture"
          + " itself (spec.ttlSecondsAfterFinished), whichever is first; omitted when neither is"
          + " set.")
  private String expiresAt;

  public String getUri() {
    return uri;
  }

  public void setUri(String uri) {
    this.uri = uri;
  }

  public String getLocation() {
    return location;
  }

  public void setLocation(String location) {
    this.location = location;
  }

  public List<String> getFiles() {
    return files;
  }

  public void setFiles(List<String> files) {
    this.files = files;
  }

  public Long getBytes() {
    return bytes;
  }

  public void setBytes(Long bytes) {
    this.bytes = bytes;
  }

  public String getSha256() {
    return sha256;
  }

  public void setSha256(String sha256) {
    this.sha256 = sha256;
  }

  public Long getPackets() {
    return packets;
  }

  public void setPackets(Long packets) {
    this.packets = packets;
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

  public String getStoredAt() {
    return storedAt;
  }

  public void setStoredAt(String storedAt) {
    this.storedAt = storedAt;
  }

  public String getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(String expiresAt) {
    this.expiresAt = expiresAt;
  }

  public String getDeletedAt() {
    return deletedAt;
  }

  public void setDeletedAt(String deletedAt) {
    this.deletedAt = deletedAt;
  }
}
