# syntax=docker/dockerfile:1
# OET AI Engine image. Three stages:
#   build    full install (dev dependencies too), TypeScript compiled, Prisma clients generated, then pruned to
#            production dependencies
#   gateway  a small Apollo Gateway in front of the engine's subgraph (compose.yaml); it needs @apollo/gateway, a
#            dev dependency, so it keeps the unpruned install
#   runtime  (the default target, last) node:20-bookworm-slim, production dependencies only, non-root
# Model weights and knowledge-pack data are never baked in: mount them at /models (OET_MODELS_DIR) and /data
# (OET_DATA_DIR). The project's own small recognisers under models/ (committed, see models/README.md) are copied;
# .dockerignore keeps any local *.gguf/*.onnx weights out of the build context.
# Run with `docker run --init` (or compose's `init: true`): tini as PID 1 reaps children and forwards SIGTERM.

ARG NODE_IMAGE=node:20-bookworm
ARG NODE_SLIM_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# onnxruntime-node's install script downloads CUDA libraries (CPU is what the engine uses by default); Prisma's
# checkpoint call is telemetry. The base image keeps Node's headers in /usr/local, not /usr as the project's .npmrc
# says for the development machine: node-gyp (better-sqlite3 when no prebuilt binary fits) needs them.
ENV ONNXRUNTIME_NODE_INSTALL=skip \
    CHECKPOINT_DISABLE=1 \
    npm_config_nodedir=/usr/local
# Dependencies first, so a source change does not reinstall them. postinstall generates the Prisma clients, so the
# schemas and their configs come with the lockfile.
COPY package.json package-lock.json .npmrc prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build
# Keep the full install for the gateway stage, then prune to production dependencies and generate the clients again
# (they live in node_modules/.prisma, which the prune may drop).
RUN cp -a node_modules /opt/node_modules-full \
 && npm prune --omit=dev \
 && npm run prisma:generate

FROM ${NODE_SLIM_IMAGE} AS gateway
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=4000
COPY --from=build /opt/node_modules-full ./node_modules
COPY package.json ./
COPY ops/gateway ./ops/gateway
USER 1000:1000
EXPOSE 4000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "ops/gateway/healthcheck.mjs"]
CMD ["node", "ops/gateway/gateway.mjs"]

FROM ${NODE_SLIM_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    OET_MODELS_DIR=/models \
    OET_DATA_DIR=/data \
    OET_PACKS_DIR=/data/packs \
    OET_ROLE=all
# What the process reads at run time: compiled code, production modules with the generated Prisma clients, the
# migrations (applied at start), the shipped models and manifest, the shipped knowledge packs, the report pages.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist/src ./dist/src
COPY prisma ./prisma
COPY models ./models
COPY knowledge ./knowledge
COPY pages ./pages
# The volumes belong to the unprivileged user the process runs as: uid 1000, `node` in the base image (numeric, so
# Kubernetes runAsNonRoot can verify it).
RUN mkdir -p /models /data/packs && chown -R 1000:1000 /models /data
VOLUME ["/models", "/data"]
USER 1000:1000
EXPOSE 8080
STOPSIGNAL SIGTERM
# No curl in the slim image: Node's fetch asks /health (the process answers; /ready is for load balancers).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/src/main.js"]
