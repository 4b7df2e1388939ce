package io.pcapoperator.reconcile;

import io.pcapoperator.storage.ObjectStore;
import java.util.Optional;

/**
 * Where the reconciler keeps pcap files.
 *
 * @param objects the S3-compatible stores
 * @param defaultOutput the output of simple captures that name none, if the operator has one
 * @param metrics told of each file stored or not
 */
public record CaptureStorage(
    ObjectStore objects, Optional<DefaultOutput> defaultOutput, ArtifactMetrics metrics) {}
