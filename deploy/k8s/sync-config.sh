#!/usr/bin/env bash
# Regenerates deploy/k8s/configmap.yaml from config/careloop.yaml (run after editing it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
src=../../config/careloop.yaml
{
  cat <<'HEAD'
# GENERATED from config/careloop.yaml by deploy/k8s/sync-config.sh: edit that file, then rerun.
# Mounted at /app/config/careloop.yaml (CARELOOP_CONFIG) in every careloop pod.
apiVersion: v1
kind: ConfigMap
metadata:
  name: careloop-config
  namespace: careloop
  labels:
    app.kubernetes.io/part-of: careloop
data:
  careloop.yaml: |
HEAD
  sed -e 's/^/    /' -e 's/^ *$//' "$src"
} > configmap.yaml
echo "wrote deploy/k8s/configmap.yaml from config/careloop.yaml"
