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

/**
 * A bucket whose ownership the pcap-operator proves to Cloudflare, so that full packet captures may
 * be written to it: it creates (or adopts) the ownership record, sends the challenge file's
 * contents, and deletes the record with the resource.
 */
@Group(PacketCapture.GROUP)
@Version(PacketCapture.VERSION)
@Plural("pcapbuckets")
@ShortNames({"pcapbkt"})
@AdditionalPrinterColumn(
    name = "Bucket",
    jsonPath = ".spec.destinationConf",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Phase",
    jsonPath = ".status.phase",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Filename",
    jsonPath = ".status.filename",
    type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
@AdditionalPrinterColumn(
    name = "Ownership",
    jsonPath = ".status.ownershipId",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
@AdditionalPrinterColumn(
    name = "Message",
    jsonPath = ".status.conditions[?(@.type==\"Ready\")].message",
    type = AdditionalPrinterColumn.Type.STRING,
    priority = 1)
public class PcapBucket extends CustomResource<PcapBucketSpec, PcapBucketStatus>
    implements Namespaced {
  private static final long serialVersionUID = 1L;

  /** The status, or an empty one (not attached) while none has been written. */
  @JsonIgnore
  public PcapBucketStatus currentStatus() {
    return getStatus() == null ? new PcapBucketStatus() : getStatus();
  }

  /** The phase in the status, or null while there is none. */
  @JsonIgnore
  public BucketPhase phase() {
    return currentStatus().getPhase();
  }

  /**
   * What a deletion does to the record: the spec's policy, else Delete for a record the operator
   * created and Orphan for one it adopted.
   */
  @JsonIgnore
  public BucketDeletionPolicy effectiveDeletionPolicy() {
    if (getSpec() != null && getSpec().getDeletionPolicy() != null) {
      return getSpec().getDeletionPolicy();
    }
    return Boolean.TRUE.equals(currentStatus().getAdopted())
        ? BucketDeletionPolicy.Orphan
        : BucketDeletionPolicy.Delete;
  }

  @Override
  @Required
  @JsonPropertyDescription("The bucket to prove ownership of, and how to read its challenge.")
  public PcapBucketSpec getSpec() {
    return super.getSpec();
  }
}
