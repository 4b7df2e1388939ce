package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.app.OperatorSettings;
import io.pcapoperator.cloudflare.Credentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap download NAME}: fetches a simple capture's pcap file from Cloudflare with the
 * capture's own credentials Secret, and writes it whole or not at all.
 */
@Command(
    name = "download",
    description = {
      "Download the pcap file of a simple capture that succeeded, from Cloudflare, with the"
          + " credentials in the capture's own Secret (so only those who may read that Secret can"
          + " download it).",
      "The file is checked against status.artifact.sha256 when the operator recorded one."
    })
final class DownloadCommand implements Callable<Integer>, NamesACapture {
  private final ClusterFlags clusterFlags;
  private final OutputStream stdout;

  @Spec private CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The PacketCapture.")
  private String name;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "<file>",
      description =
          "File to write, a directory to write NAME.pcap in, or - for standard output."
              + " Default: NAME.pcap in the current directory.")
  private String output;

  @Option(
      names = "--cloudflare-base-url",
      paramLabel = "<url>",
      defaultValue = "${env:CLOUDFLARE_BASE_URL:-" + OperatorSettings.CLOUDFLARE_BASE_URL + "}",
      description =
          "Base URL of the Cloudflare API, up to and including /client/v4."
              + " Default: ${DEFAULT-VALUE} (environment: CLOUDFLARE_BASE_URL).")
  private String cloudflareBaseUrl;

  DownloadCommand(ClusterFlags clusterFlags, OutputStream stdout) {
    this.clusterFlags = clusterFlags;
    this.stdout = stdout;
  }

  @Override
  public Integer call() {
    try (Cluster cluster = clusterFlags.connect(ClusterFlags.REQUEST_TIMEOUT)) {
      PacketCapture capture = cluster.capture(name);
      DownloadableCapture file = DownloadableCapture.of(capture);
      Credentials credentials = SecretCredentials.read(cluster, file.secretName());
      byte[] bytes = CloudflareDownload.fetch(cloudflareBaseUrl, credentials, file);
      boolean checked = file.checkDigest(bytes);
      if ("-".equals(output)) {
        writeToStdout(bytes);
        return 0;
      }
      Path target = target();
      AtomicFile.write(target, bytes);
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + target
                  + " ("
                  + bytes.length
                  + " bytes"
                  + (checked ? ", SHA-256 matches status.artifact.sha256" : "")
                  + ")");
      return 0;
    }
  }

  private Path target() {
    String fileName = name + ".pcap";
    if (output == null) {
      return Path.of(fileName);
    }
    Path given = Path.of(output);
    return Files.isDirectory(given) ? given.resolve(fileName) : given;
  }

  private void writeToStdout(byte[] bytes) {
    try {
      stdout.write(bytes);
      stdout.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
