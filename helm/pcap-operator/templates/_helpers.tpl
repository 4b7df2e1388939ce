{{/* Chart name, truncated to the 63 characters a label value allows. */}}
{{- define "pcap-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's resources. */}}
{{- define "pcap-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "pcap-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "pcap-operator.labels" -}}
helm.sh/chart: {{ include "pcap-operator.chart" . }}
{{ include "pcap-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the operator's pods. */}}
{{- define "pcap-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "pcap-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Name of the ServiceAccount. */}}
{{- define "pcap-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "pcap-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The operator image. */}}
{{- define "pcap-operator.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
Rules on the namespaced resources the operator reads and writes: its PacketCaptures, the
credentials Secrets they name, and the Events it records. Bound cluster-wide when all namespaces
are watched, else in each watched namespace.
*/}}
{{- define "pcap-operator.namespacedRules" -}}
- apiGroups: ["pcap-operator.io"]
  resources: ["packetcaptures"]
  verbs: ["get", "list", "watch", "update", "patch"]
- apiGroups: ["pcap-operator.io"]
  resources: ["packetcaptures/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["pcap-operator.io"]
  resources: ["packetcaptures/finalizers"]
  verbs: ["update"]
- apiGroups: ["pcap-operator.io"]
  resources: ["pcapbuckets"]
  verbs: ["get", "list", "watch", "update", "patch"]
- apiGroups: ["pcap-operator.io"]
  resources: ["pcapbuckets/status"]
  verbs: ["get", "update", "patch"]
- apiGroups: ["pcap-operator.io"]
  resources: ["pcapbuckets/finalizers"]
  verbs: ["update"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
