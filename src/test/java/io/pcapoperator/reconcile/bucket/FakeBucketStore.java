package io.pcapoperator.reconcile.bucket;

import io.pcapoperator.api.v1alpha1.PcapBucket;
import io.pcapoperator.api.v1alpha1.PcapBucketStatus;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.reconcile.CredentialsReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A {@link BucketStore} in memory: one bucket, its Secret's credentials, and the writes. */
final class FakeBucketStore implements BucketStore {
  static final Credentials TOKEN = new Credentials.ApiToken("test-token");

  private PcapBucket current;
  CredentialsReader.Result credentials = new CredentialsReader.Found(TOKEN);
  final List<String> writes = new ArrayList<>();

  FakeBucketStore(PcapBucket bucket) {
    this.current = bucket;
  }

  @Override
  public PcapBucket current() {
    return current;
  }

  @Override
  public PcapBucket writeStatus(PcapBucket resource, Consumer<PcapBucketStatus> change) {
    if (resource.getStatus() == null) {
      resource.setStatus(new PcapBucketStatus());
    }
    change.accept(resource.getStatus());
    writes.add(
        "createStarted="
            + resource.getStatus().getCreateStarted()
            + " id="
            + resource.getStatus().getOwnershipId());
    current = resource;
    return resource;
  }

  @Override
  public CredentialsReader.Result credentials(PcapBucket bucket) {
    return credentials;
  }
}
