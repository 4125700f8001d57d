#!/usr/bin/env bash
# Builds the project's container image from the Dockerfile without any image registry: the base
# is the local stand-in for node:20-slim that scripts/ci/build-node-base.sh imports (built first
# when absent). npm ci inside the build still needs the npm registry.
# Usage: scripts/ci/build-image.sh [--if-missing]   (env: CSWM_IMAGE, CSWM_NODE_BASE_IMAGE)
#   --if-missing  build only when the image is absent (a lock makes concurrent callers wait).
# With registry access none of this is needed: `docker build -t crowdsec-webhook-mock .`
set -euo pipefail
cd "$(dirname "$0")/../.."

image="${CSWM_IMAGE:-crowdsec-webhook-mock:test}"
base_image="${CSWM_NODE_BASE_IMAGE:-cswm-node-base:bookworm}"

docker info >/dev/null 2>&1 || { echo "build-image: no Docker engine answers" >&2; exit 2; }
exec 8>"${TMPDIR:-/tmp}/cswm-build-image.lock"
flock -w 900 8 || { echo "build-image: another build held the lock for 15 minutes" >&2; exit 1; }
if [[ ${1:-} == --if-missing ]] && docker image inspect "$image" >/dev/null 2>&1; then
  exit 0
fi

CSWM_NODE_BASE_IMAGE="$base_image" scripts/ci/build-node-base.sh --if-missing
started=$SECONDS
log="$(mktemp -t cswm-build-image.XXXXXX.log)"
# --network host: the build's `npm ci` reaches the npm registry the way this machine does, also
# where dockerd runs without NAT for containers (.ci/run's fallback: --iptables=false).
if ! docker build --network host --build-arg "NODE_IMAGE=$base_image" -t "$image" . >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "build-image: docker build failed (whole log: $log)" >&2
  exit 1
fi
rm -f "$log"
size() { docker image inspect --format '{{.Size}}' "$1"; }
echo "built $image from $base_image in $((SECONDS - started))s: $(($(size "$image") / 1000000)) MB (base $(($(size "$base_image") / 1000000)) MB)"
