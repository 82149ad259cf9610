# syntax=docker/dockerfile:1
# One image for every Multitrack app; the command chooses which one runs:
#   docker build -t multitrack:0.1.0 .
#   docker run --rm -e DATABASE_URL=… -e AUTH_JWKS_URL=… multitrack:0.1.0 coordination-api
# Commands: coordination-api, audit-api, relay, projector, webhooks, standalone, migrate,
# rewrap-personal-data, audit (the auditors' CLI), projections-rebuild. See deploy/README.md.

ARG NODE_IMAGE=node:20.19-bookworm-slim

# --- build: all dependencies, compile TypeScript to dist/ ----------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY .swcrc tsconfig.json ./
COPY apps apps
COPY libs libs
COPY scripts scripts
RUN npm run build

# --- production dependencies only ----------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force

# --- runtime: no compiler, no dev dependencies, not root -----------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=runtime-deps --chown=root:root /app/node_modules node_modules
COPY --from=build --chown=root:root /src/dist dist
COPY --chown=root:root package.json ./
COPY --chown=root:root deploy/docker/entrypoint.sh deploy/docker/healthcheck.js /usr/local/lib/multitrack/
RUN chmod 0755 /usr/local/lib/multitrack/entrypoint.sh \
 && mkdir -p /app/data && chown 10001:10001 /app/data
# A numeric user, so Kubernetes' runAsNonRoot can check it; the code itself stays read-only to it.
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "/usr/local/lib/multitrack/healthcheck.js"]
ENTRYPOINT ["/usr/local/lib/multitrack/entrypoint.sh"]
CMD ["standalone"]
