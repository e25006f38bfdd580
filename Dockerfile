# syntax=docker/dockerfile:1
# The Sealpass relay (issue 14; relay/README.md, "Deploying"): a small runtime image with the bundled relay,
# its one native module and the built link pages, running as the unprivileged `node` user, with a health
# check. Put it behind a TLS reverse proxy (compose.yaml runs Caddy); links must be https.
ARG NODE_VERSION=20.20.2

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /src
COPY package.json package-lock.json ./
# Install scripts run later, once: `wxt prepare` (the postinstall) needs the sources, better-sqlite3 its addon.
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN npm rebuild better-sqlite3 esbuild \
 && npx wxt prepare \
 && node scripts/build-relay-pages.mjs /out/pages \
 && node scripts/build-relay.mjs /out/relay/server.mjs \
 && mkdir -p /out/node_modules \
 && cp -R node_modules/better-sqlite3 node_modules/bindings node_modules/file-uri-to-path /out/node_modules/ \
 && rm -rf /out/node_modules/better-sqlite3/deps /out/node_modules/better-sqlite3/src

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    DATA_DIR=/data \
    PAGES_DIR=/app/pages
WORKDIR /app
COPY --from=build /out/ /app/
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8787
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/v1/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) lets requests in flight finish and closes the store (relay/server.ts).
CMD ["node", "relay/server.mjs"]
