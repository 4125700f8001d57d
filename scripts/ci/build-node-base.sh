#!/usr/bin/env bash
# Builds a local stand-in for the Dockerfile's default base (`node:20-slim`) where no image
# registry is reachable: Debian bookworm (what node:20-slim is built on), minbase variant, from
# the host's own Debian mirror, plus the host's `node` and `npm` at the paths node:20-slim uses
# (/usr/local/bin, /usr/local/lib/node_modules/npm) and its `node` user (uid and gid 1000). The
# root filesystem is trimmed like a -slim image (no apt lists or caches, docs, man pages,
# locales) and loaded with `docker import`.
# Usage: scripts/ci/build-node-base.sh [--if-missing]   (env: CSWM_NODE_BASE_IMAGE)
#   --if-missing  build only when the image is absent (a lock makes concurrent callers wait).
# Needs root (debootstrap, chroot), debootstrap, the host's node (20.19 or newer) and a running engine.
set -euo pipefail
cd "$(dirname "$0")/../.."

base_image="${CSWM_NODE_BASE_IMAGE:-cswm-node-base:bookworm}"
suite=bookworm

fail() { echo "build-node-base: $1" >&2; exit 2; }
[[ $(id -u) == 0 ]] || fail "needs root (debootstrap and chroot); run it with sudo, or build with the default base: docker build ."
command -v debootstrap >/dev/null || fail "debootstrap is missing; install it (apt-get install debootstrap)"
docker info >/dev/null 2>&1 || fail "no Docker engine answers"

exec 9>"${TMPDIR:-/tmp}/cswm-build-node-base.lock"
flock -w 900 9 || { echo "build-node-base: another build held the lock for 15 minutes" >&2; exit 1; }
if [[ ${1:-} == --if-missing ]] && docker image inspect "$base_image" >/dev/null 2>&1; then
  exit 0
fi

started=$SECONDS
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"

# The host's first Debian mirror (deb822 or one-line sources); debootstrap's default otherwise.
mirror="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)"
if [[ -z $mirror ]]; then
  mirror="$(awk '$1 == "deb" && $3 ~ /^[a-z]+$/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
fi
# Downloaded packages are kept between runs on one machine (a re-run then takes seconds, not minutes).
cache_dir=/var/cache/cswm-debootstrap
mkdir -p "$cache_dir"
echo "build-node-base: debootstrap --variant=minbase $suite${mirror:+ from $mirror}"
debootstrap --variant=minbase --cache-dir="$cache_dir" "$suite" "$rootfs" ${mirror:+"$mirror"} \
  >"$work/debootstrap.log" 2>&1 || { tail -n 30 "$work/debootstrap.log" >&2; exit 1; }
debootstrap_seconds=$((SECONDS - started))

# node and npm where node:20-slim has them.
node_bin="$(readlink -f "$(command -v node)")"
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"
install -D -m 0755 "$node_bin" "$rootfs/usr/local/bin/node"
mkdir -p "$rootfs/usr/local/lib/node_modules"
cp -a "$npm_dir" "$rootfs/usr/local/lib/node_modules/npm"
ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/local/bin/npm"
ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/local/bin/npx"
# Any library node links that this Debian lacks comes from the host, at the same path.
while read -r lib; do
  [[ -e $rootfs$lib ]] || install -D -m 0644 "$(readlink -f "$lib")" "$rootfs$lib"
done < <(ldd "$node_bin" | grep -oE '/[^ ]+' | sort -u)
chroot "$rootfs" /usr/local/bin/node --version >/dev/null || fail "node does not run in the new root filesystem"

# npm in the image trusts what the host's npm trusts (a machine behind a TLS-inspecting proxy
# gives npm its CA bundle through `cafile`): npm's global config only, so node itself, and
# therefore cswm's TLS checks at run time, keep node's own roots.
host_cafile="$(npm config get cafile 2>/dev/null || true)"
if [[ -n $host_cafile && $host_cafile != null && -f $host_cafile ]]; then
  install -D -m 0644 "$host_cafile" "$rootfs/usr/local/etc/npm-ca.crt"
  echo 'cafile=/usr/local/etc/npm-ca.crt' >"$rootfs/usr/local/etc/npmrc"
fi

# The same unprivileged user as node:20-slim.
chroot "$rootfs" groupadd --gid 1000 node
chroot "$rootfs" useradd --uid 1000 --gid node --shell /bin/bash --create-home node

# Trim like a -slim image; drop what names this machine.
rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* \
  "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/* \
  "$rootfs"/var/log/* "$rootfs"/debootstrap "$rootfs"/tmp/* "$rootfs"/root/.npm
: >"$rootfs/etc/resolv.conf"
: >"$rootfs/etc/hostname"

node_version="$(node --version)"
tar --numeric-owner -C "$rootfs" -c . | docker import \
  --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
  --change "ENV NODE_VERSION=${node_version#v}" \
  --change 'CMD ["node"]' \
  --message "Debian $suite minbase with node $node_version (a local stand-in for node:20-slim)" \
  - "$base_image" >/dev/null
size_bytes="$(docker image inspect --format '{{.Size}}' "$base_image")"
echo "built $base_image (node $node_version, $((size_bytes / 1000000)) MB) in $((SECONDS - started))s (debootstrap ${debootstrap_seconds}s)"
