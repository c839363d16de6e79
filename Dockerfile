# Pitwall's production image: the standalone build (Next's traced server files, static assets, migrations) on a slim
# Node.js, run by pitwall-server.mjs (Pitwall's own HTTP server: real client addresses, request metrics).
# Build: docker build -t pitwall .   Run: docker run -e DATABASE_URL=postgres://… -p 3000:3000 pitwall

FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# `npm run build` also assembles .next/standalone (scripts/standalone.ts).
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0
COPY --from=build --chown=node:node /app/.next/standalone ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Migrations run at start under an advisory lock; `node pitwall-migrate.mjs` runs them alone (the Kubernetes Job).
CMD ["node", "pitwall-server.mjs"]
