package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureType;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.app.OperatorSettings;
import io.pcapoperator.cloudflare.Credentials;
import io.pcapoperator.reconcile.RecordedRequest;
import io.pcapoperator.storage.StorageCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubectl pcap download NAME}: fetches a simple capture's pcap file from Cloudflare with the
 * capture's own credentials Secret, or a full capture's files from its bucket with S3 keys, and
 * writes each whole or not at all.
 */
@Command(
    name = "download",
    description = {
      "Download the pcap file of a simple capture that succeeded, from Cloudflare, with the"
          + " credentials in the capture's own Secret (so only those who may read that Secret can"
          + " download it).",
      "The file is checked against status.artifact.sha256 when the operator recorded one.",
      "For a full capture, download the files Cloudflare wrote to its bucket"
          + " (status.artifact.location and files) into a directory, with the keys in the Secret"
          + " --s3-secret names or in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY."
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
              + " Default: NAME.pcap in the current directory. For a full capture: the directory"
              + " to write its files in, made if missing; default the current directory.")
  private String output;

  @Option(
      names = "--s3-endpoint",
      paramLabel = "<url>",
      description =
          "Full captures: URL of the S3-compatible store of the bucket (R2, MinIO, Ceph, GCS);"
              + " default AWS S3.")
  private String s3Endpoint;

  @Option(
      names = "--s3-region",
      paramLabel = "<region>",
      description =
          "Full captures: signing region of the bucket (auto for R2); default the location's"
              + " region parameter, else us-east-1.")
  private String s3Region;

  @Option(
      names = "--s3-secret",
      paramLabel = "<name>",
      description =
          "Full captures: Secret in the capture's namespace with the bucket's keys accessKeyId"
              + " and secretAccessKey; default the environment's AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY.")
  private String s3Secret;

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
      if (RecordedRequest.type(capture) == CaptureType.FULL) {
        return downloadFiles(cluster, capture);
      }
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

  private int downloadFiles(Cluster cluster, PacketCapture capture) {
    BucketFiles files = BucketFiles.of(capture);
    StorageCredentials keys =
        BucketKeys.read(cluster, s3Secret, System.getenv())
            .orElseThrow(() -> new PluginFailure(noKeys(files)));
    Path directory = directory();
    PrintWriter out = spec.commandLine().getOut();
    for (BucketDownload.Written file :
        BucketDownload.fetch(files, s3Endpoint, s3Region, keys, directory)) {
      out.println("wrote " + file.file() + " (" + file.bytes() + " bytes)");
    }
    if (files.files().size() > 1) {
      out.println("merge them into one file with:");
      out.println("  " + mergecap(directory, files.files()));
    }
    return 0;
  }

  private static String noKeys(BucketFiles files) {
    return files.name()
        + " is a full capture: Cloudflare wrote its files to "
        + files.describe()
        + ", not to a download; to fetch them from that bucket, give its keys with --s3-secret"
        + " NAME (a Secret with accessKeyId and secretAccessKey) or in AWS_ACCESS_KEY_ID and"
        + " AWS_SECRET_ACCESS_KEY, and its store with --s3-endpoint and --s3-region unless it is"
        + " in AWS S3";
  }

  private String mergecap(Path directory, List<String> files) {
    List<String> words = new ArrayList<>(List.of("mergecap", "-w"));
    words.add(directory.resolve(name + ".pcap").toString());
    files.forEach(file -> words.add(directory.resolve(file).toString()));
    return String.join(" ", words);
  }

  /** The directory a full capture's files go to: {@code -o}, else the current one. */
  private Path directory() {
    if ("-".equals(output)) {
      throw new PluginFailure(
          name + " is a full capture: its files go to a directory (-o DIR), not standard output");
    }
    if (output == null) {
      return Path.of("");
    }
    Path directory = Path.of(output);
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new PluginFailure(
          "cannot make the directory " + directory + ": " + e.getClass().getSimpleName(), e);
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
