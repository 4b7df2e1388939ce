package io.pcapoperator.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.List;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;

/**
 * An S3-compatible server on 127.0.0.1 for {@code dev} and tests, on s3proxy with an in-memory blob
 * store: objects live as long as the server. It is as strict about authentication as S3: every
 * request must carry an AWS Signature Version 4 made with its one access key and secret, and it
 * checks a put's {@code Content-MD5}.
 */
public final class EmbeddedS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final BlobStoreContext store;

  private EmbeddedS3(S3Proxy proxy, BlobStoreContext store) {
    this.proxy = proxy;
    this.store = store;
  }

  /**
   * Starts a server on {@code port} (0 for any free one) that accepts the keys given and holds
   * {@code buckets}, empty.
   *
   * @throws UncheckedIOException with a {@link BindException} cause if the port cannot be bound
   */
  public static EmbeddedS3 start(
      int port, String accessKeyId, String secretAccessKey, List<String> buckets) {
    BlobStoreContext store =
        ContextBuilder.newBuilder("transient")
            .modules(List.of(new SLF4JLoggingModule()))
            .buildView(BlobStoreContext.class);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:" + port))
            .awsAuthentication(AuthenticationType.AWS_V4, accessKeyId, secretAccessKey)
            .build();
    try {
      proxy.start();
    } catch (Exception e) {
      store.close();
      throw failedToStart(port, e);
    }
    EmbeddedS3 s3 = new EmbeddedS3(proxy, store);
    try {
      buckets.forEach(s3::createBucket);
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    return s3;
  }

  /** {@code http://127.0.0.1:<port>}, the endpoint clients give. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The port it listens on. */
  public int port() {
    return proxy.getPort();
  }

  /** Creates an empty bucket, if there is none of that name. */
  public void createBucket(String name) {
    store.getBlobStore().createContainerInLocation(null, name);
  }

  /** Stops listening; the objects go with it. */
  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("the embedded S3 server did not stop", e);
    } finally {
      store.close();
    }
  }

  private static RuntimeException failedToStart(int port, Exception failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BindException bind) {
        return new UncheckedIOException(bind);
      }
    }
    return new UncheckedIOException(
        new IOException("the embedded S3 server did not start on port " + port, failure));
  }
}
