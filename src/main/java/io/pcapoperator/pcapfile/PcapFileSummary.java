package io.pcapoperator.pcapfile;

import io.pcapoperator.api.v1alpha1.CaptureSummary;

/**
 * What one reading of a pcap file found.
 *
 * @param bytes the size of the whole file, headers included
 * @param sha256 the SHA-256 of the whole file, 64 lowercase hex digits
 * @param summary the packets in it: counts, times, protocols and top talkers
 */
public record PcapFileSummary(long bytes, String sha256, CaptureSummary summary) {}
