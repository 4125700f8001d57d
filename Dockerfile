# crowdsec-webhook-mock (`cswm`) as a container image: the CrowdSec Console's stand-in for a
# webhook receiver's tests, in any language and any CI. See docs/any-language.md.
#
#   docker build -t crowdsec-webhook-mock .
#   docker run --rm --user "$(id -u):$(id -g)" -v "$PWD/reports:/reports" crowdsec-webhook-mock \
#     check --url http://receiver:8080/crowdsec --report junit,html
#
# NODE_IMAGE is the base of every stage. The default needs a registry; where none is reachable,
# build a local base with the same layout (scripts/ci/build-node-base.sh) and pass its tag:
#   docker build --build-arg NODE_IMAGE=cswm-node-base:bookworm -t crowdsec-webhook-mock .
# Plain Dockerfile syntax only (no BuildKit mounts or heredocs): the classic builder builds it too.
ARG NODE_IMAGE=node:20-slim

# 1. Compile the TypeScript sources with the full dependency tree of the lockfile.
FROM ${NODE_IMAGE} AS build
WORKDIR /build
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN ./node_modules/.bin/tsc -p tsconfig.build.json

# 2. Production dependencies only, from the same lockfile (cached until the lockfile changes).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
 && rm -rf /root/.npm

# 3. The runtime: node, the compiled CLI, its production dependencies, schemas and scenarios.
FROM ${NODE_IMAGE}
ARG NODE_IMAGE
LABEL org.opencontainers.image.title="crowdsec-webhook-mock" \
      org.opencontainers.image.description="Plays the CrowdSec Console's webhook notifications for people who build receivers" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.base.name="${NODE_IMAGE}"
ENV NODE_ENV=production \
    CSWM_REPORT_DIR=/reports
WORKDIR /app
COPY package.json README.md CHANGELOG.md ./
COPY schemas ./schemas
COPY scenarios ./scenarios
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /build/dist ./dist
# `cswm` on PATH: its `#!/usr/bin/env node` line execs node, so node itself is PID 1 and gets
# `docker stop`'s SIGTERM (no shell in between). /reports is writable by any --user, so the
# reports land in a mounted folder owned by the caller, or in the container when none is mounted.
RUN chmod 0755 dist/cli/main.js \
 && ln -s /app/dist/cli/main.js /usr/local/bin/cswm \
 && mkdir -p /reports \
 && chmod 1777 /reports
# Not root at run time: node:20-slim's `node` user, by number so runAsNonRoot policies can verify it.
USER 1000:1000
# Relative paths (--journal, --out, the TLS modes' .cswm/ CA files) land beside the reports.
WORKDIR /reports
EXPOSE 8080
# `cswm receive`: its inbox API answers; any other command: nothing to probe, healthy while it runs.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "/app/dist/container/healthcheck.js"]
ENTRYPOINT ["cswm"]
CMD ["receive", "--host", "0.0.0.0"]
