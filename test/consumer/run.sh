#!/usr/bin/env bash
# The consumer proof: the package as a user gets it. Packs this repository (`npm pack`), lints
# the tarball with publint, makes a fresh project in a temporary folder, installs the tarball
# with vitest, typescript, testcontainers and @types/node at this repository's versions (from
# the npm cache the main install filled where it can; `npm ci` caches packages, not the
# registry's version lists, so those come from the registry), then type-checks and runs the
# files under test/consumer/fixture there. Those files are the README's "Use in your tests" examples.
# Needs a built dist/ (`npm run build`). Exit 0 when everything passes.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"

[[ -f dist/index.js ]] || { echo "consumer proof: dist/ is missing; run \`npm run build\` first" >&2; exit 2; }

work="$(mktemp -d -t cswm-consumer.XXXXXX)"
if [[ ${CSWM_KEEP_CONSUMER:-} == 1 ]]; then
  echo "consumer proof: keeping $work"
else
  trap 'rm -rf "$work"' EXIT
fi

echo "== npm pack"
tarball_name="$(npm pack --ignore-scripts --silent --pack-destination "$work" | tail -n 1)"
tarball="$work/$tarball_name"
echo "packed $tarball_name ($(du -k "$tarball" | cut -f1) KiB)"

echo "== publint (strict: warnings fail too)"
"$repo/node_modules/.bin/publint" run "$tarball" --strict

# The versions this repository is tested with, from its lockfile.
installed_version() {
  node -p "require('./node_modules/$1/package.json').version"
}
deps=(
  "vitest@$(installed_version vitest)"
  "typescript@$(installed_version typescript)"
  "testcontainers@$(installed_version testcontainers)"
  "@types/node@$(installed_version @types/node)"
)

echo "== fresh project in $work/project"
project="$work/project"
mkdir -p "$project"
cp -R test/consumer/fixture/. "$project/"
cd "$project"
cat >package.json <<'JSON'
{ "name": "cswm-consumer-proof", "private": true, "type": "module" }
JSON
echo "installing $tarball_name ${deps[*]} (from the cache where it can)"
npm install --prefer-offline --no-audit --no-fund --loglevel=error "$tarball" "${deps[@]}"

echo "== tsc --noEmit"
./node_modules/.bin/tsc --noEmit -p tsconfig.json

echo "== vitest run"
# container.spec.ts checks an image; here the reference receiver's, built without a registry
# (and no Ryuk reaper, which would come from a registry: checkContainer stops what it starts).
export TESTCONTAINERS_RYUK_DISABLED="${TESTCONTAINERS_RYUK_DISABLED:-true}"
export RECEIVER_IMAGE="${CSWM_REFERENCE_IMAGE:-cswm-reference:test}"
if command -v docker >/dev/null && timeout 10 docker info >/dev/null 2>&1 \
  && ! docker image inspect "$RECEIVER_IMAGE" >/dev/null 2>&1; then
  "$repo/scripts/ci/build-test-images.sh"
fi
./node_modules/.bin/vitest run --reporter=default
echo "consumer proof passed"
