#!/usr/bin/env bash
# Builds the container images the testcontainers tests use, without any registry:
#   cswm-reference:test   the reference receiver (`cswm receive --host 0.0.0.0 --port 8080`)
#   cswm-broken-204:test  a receiver that answers 204 to everything (must fail the suite)
# The root filesystem holds the host's own `node` binary, the libraries `ldd` lists for it and
# the dynamic loader, plus the packed app (what `npm pack` ships) with its production
# dependencies; it is tarred and `docker import`ed. Needs a built dist/ and a running engine.
# Usage: scripts/ci/build-test-images.sh [--if-missing]   (env: CSWM_REFERENCE_IMAGE, CSWM_BROKEN_204_IMAGE)
#   --if-missing  build only when one of the images is absent (test files call it this way, at
#                 once from several workers: a lock makes the first build and the others wait).
set -euo pipefail
cd "$(dirname "$0")/../.."

reference_image="${CSWM_REFERENCE_IMAGE:-cswm-reference:test}"
broken_image="${CSWM_BROKEN_204_IMAGE:-cswm-broken-204:test}"

if [[ ! -f dist/cli/main.js ]]; then
  echo "build-test-images: dist/cli/main.js is missing; run \`npm run build\` first" >&2
  exit 2
fi
docker info >/dev/null 2>&1 || { echo "build-test-images: no Docker engine answers" >&2; exit 2; }

exec 9>"${TMPDIR:-/tmp}/cswm-build-test-images.lock"
flock -w 600 9 || { echo "build-test-images: another build held the lock for 10 minutes" >&2; exit 1; }
if [[ ${1:-} == --if-missing ]] && docker image inspect "$reference_image" "$broken_image" >/dev/null 2>&1; then
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
mkdir -p "$rootfs/app" "$rootfs/tmp" "$rootfs/etc"
chmod 1777 "$rootfs/tmp"

# 1. The host's node and every library it links, at the same paths (cp -L follows symlinks).
node_bin="$(command -v node)"
copy_into_rootfs() {
  local src="$1"
  mkdir -p "$rootfs$(dirname "$src")"
  cp -L "$src" "$rootfs$src"
}
copy_into_rootfs "$node_bin"
while read -r lib; do
  copy_into_rootfs "$lib"
done < <(ldd "$node_bin" | grep -oE '/[^ ]+' | sort -u)
# A user and group file so node's os.userInfo() and tools that look names up do not fail.
printf 'root:x:0:0:root:/root:/nonexistent\nnode:x:1000:1000:node:/app:/nonexistent\n' >"$rootfs/etc/passwd"
printf 'root:x:0:\nnode:x:1000:\n' >"$rootfs/etc/group"

# 2. The app exactly as it would be published, plus its production dependencies from the lockfile.
tarball="$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
tar -xzf "$work/$tarball" -C "$rootfs/app" --strip-components=1
cp package-lock.json "$rootfs/app/"
(cd "$rootfs/app" && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error)
rm -f "$rootfs/app/package-lock.json"
cp scripts/ci/receivers/answer-204.mjs "$rootfs/app/answer-204.mjs"

# 3. Import. The node path is absolute, so the image needs no shell and no PATH lookup.
tar -C "$rootfs" -c . | docker import \
  --change "WORKDIR /app" \
  --change "ENV NODE_ENV=production" \
  --change "EXPOSE 8080" \
  --change "ENTRYPOINT [\"$node_bin\", \"/app/dist/cli/main.js\"]" \
  --change 'CMD ["receive", "--host", "0.0.0.0", "--port", "8080"]' \
  - "$reference_image" >/dev/null
echo "built $reference_image"

# The broken receiver is the same filesystem with another entry point: one more import of the
# same tar keeps this free of Dockerfiles and builders.
tar -C "$rootfs" -c . | docker import \
  --change "WORKDIR /app" \
  --change "EXPOSE 8080" \
  --change "ENTRYPOINT [\"$node_bin\", \"/app/answer-204.mjs\"]" \
  - "$broken_image" >/dev/null
echo "built $broken_image"
