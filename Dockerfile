# syntax=docker/dockerfile:1
# The ChatOps server (lib/bot/main.js) as a container: `docker build -t auth0-eventgrid-bot .`, then
# `docker run -p 3000:3000 --env-file .env auth0-eventgrid-bot` (.env.example lists the variables).

# --- build: all dependencies, TypeScript compiled to lib/ ---------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts/build-lib.mjs scripts/
COPY src/ src/
COPY bot/ bot/
COPY sandbox/ sandbox/
RUN npm run build:lib

# --- runtime: production dependencies and lib/ only, as the unprivileged node user ----------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/lib/ lib/
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
# node runs as PID 1 (not under npm), so it receives SIGTERM itself and stops after the requests in flight.
CMD ["node", "lib/bot/main.js"]
