package io.pcapoperator.plugin;

import io.pcapoperator.api.v1alpha1.CaptureArtifact;
import io.pcapoperator.api.v1alpha1.CapturePhase;
import io.pcapoperator.api.v1alpha1.PacketCapture;
import io.pcapoperator.api.v1alpha1.PacketCaptureStatus;
import io.pcapoperator.storage.BucketLocation;
import java.util.List;
import java.util.Optional;

/**
 * The files a full capture left in its bucket, as its status records them: {@code
 * status.artifact.location} and {@code status.artifact.files}. {@link #of} refuses a capture that
 * has none yet with a line that says why.
 *
 * @param name the PacketCapture's name
 * @param location the bucket URI the files are in
 * @param bucket that URI's bucket, directory and region
 * @param files the file names in that directory
 */
record BucketFiles(String name, String location, BucketLocation bucket, List<String> files) {

  /**
   * The files of full capture {@code capture}, or a {@link PluginFailure} saying why there are
   * none.
   */
  static BucketFiles of(PacketCapture capture) {
    String name = capture.getMetadata().getName();
    PacketCaptureStatus status = capture.currentStatus();
    CapturePhase phase = status.getPhase();
    if (phase != CapturePhase.Succeeded && phase != CapturePhase.Stopped) {
      throw new PluginFailure(
          name
              + " has not written its files (phase "
              + (phase == null ? "none yet" : phase)
              + "); download them once it has succeeded or was stopped");
    }
    Optional<CaptureArtifact> artifact = Optional.ofNullable(status.getArtifact());
    String location = artifact.map(CaptureArtifact::getLocation).orElse(null);
    List<String> files = artifact.map(CaptureArtifact::getFiles).orElse(List.of());
    if (location == null || files.isEmpty()) {
      throw new PluginFailure(
          name
              + " has no status.artifact.location and files yet: the operator records them once"
              + " the capture is done");
    }
    BucketLocation bucket =
        BucketLocation.parse(location)
            .orElseThrow(
                () -> new PluginFailure(name + "'s location " + location + " is not a bucket URI"));
    return new BucketFiles(name, location, bucket, List.copyOf(files));
  }

  /** {@code <location> (<file>, <file>...)}, for messages. */
  String describe() {
    return location + " (" + String.join(", ", files) + ")";
  }
}
