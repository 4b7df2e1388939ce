/**
 * Object storage for pcap files: an {@link io.pcapoperator.storage.ObjectStore} on S3-compatible
 * stores (AWS S3, Cloudflare R2, MinIO, Ceph), its targets and credentials, the keys files are
 * stored at, and its errors, each transient or permanent. Nothing of Kubernetes.
 */
package io.pcapoperator.storage;
