package io.pcapoperator.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A Cloudflare Magic Transit packet capture, requested and followed by the pcap-operator. */
@Group(PacketCapture.GROUP)
@Version(PacketCapture.VERSION)
@Plural("packetcaptures")
@ShortNames({"pcap", "pcaps"})
@AdditionalPrinterColumn(
    name = "Type",
    jsonPath = ".spec.type",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Remote",
    jsonPath = ".status.remoteStatus",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "ID",
    jsonPath = ".status.id",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Packets",
    jsonPath = ".status.packetsCaptured",
    type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Submitted",
    jsonPath = ".status.submitted",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Message",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class PacketCapture extends CustomResource<PacketCaptureSpec, PacketCaptureStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;

  /** The API group of the resource. */
  public static final String GROUP = "pcap-operator.io";

  /** The API version of this class. */
  public static final String VERSION = "v1alpha1";

  /**
   * The capture request. Required, so that the API server refuses its removal: the immutability
   * rule on the spec runs only when both the old and the new object have one.
   */
  /** The status, or an empty one (not attached) while none has been written. */
  @JsonIgnore
  public PacketCaptureStatus currentStatus() {
    return getStatus() == null ? new PacketCaptureStatus() : getStatus();
  }

  /** The phase in the status, or null while there is none. */
  @JsonIgnore
  public CapturePhase phase() {
    return currentStatus().getPhase();
  }

  /** Cloudflare's id of the capture, or null while it is not known. */
  @JsonIgnore
  public String remoteId() {
    return currentStatus().getId();
  }

  /** Whether a create was sent and its outcome is not yet known: Submitting, with no id. */
  @JsonIgnore
  public boolean createOutcomeUnknown() {
    PacketCaptureStatus status = currentStatus();
    return status.getPhase() == CapturePhase.Submitting
        && status.getId() == null
        && status.getSubmissionStarted() != null;
  }

  @Override
  @Required
  @JsonPropertyDescription("The capture to request from Cloudflare.")
  public PacketCaptureSpec getSpec() {
    return super.getSpec();
  }
}
