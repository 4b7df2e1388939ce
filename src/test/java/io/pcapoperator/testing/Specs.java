package io.pcapoperator.testing;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCaptureSpec;
import io.pcapoperator.api.v1alpha1.SecretReference;
import java.util.function.Consumer;

/** Valid PacketCapture specs for tests, to be changed where a test needs something else. */
public final class Specs {
  /** The account the specs name. */
  public static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";

  /** The credentials Secret the specs name. */
  public static final String SECRET = "cloudflare-api";

  private Specs() {}

  /** A simple capture of 100 packets over 300 s. */
  public static PacketCaptureSpec simple() {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference(SECRET));
    spec.setType(CaptureType.SIMPLE);
    spec.setTimeLimit(300);
    spec.setPacketLimit(100);
    return spec;
  }

  /** A full capture in ORD to a bucket, over {@code timeLimit} seconds. */
  public static PacketCaptureSpec full(int timeLimit) {
    PacketCaptureSpec spec = new PacketCaptureSpec();
    spec.setAccountId(ACCOUNT);
    spec.setCredentialsSecretRef(new SecretReference(SECRET));
    spec.setType(CaptureType.FULL);
    spec.setTimeLimit(timeLimit);
    spec.setColoName("ORD");
    spec.setDestinationConf("gs://my-pcaps/netops");
    return spec;
  }

  /** {@code spec} after {@code change}. */
  public static PacketCaptureSpec with(PacketCaptureSpec spec, Consumer<PacketCaptureSpec> change) {
    change.accept(spec);
    return spec;
  }
}
