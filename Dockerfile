# Muster in a container: `npm start` runs the TypeScript sources with tsx (a
# runtime dependency), so there is no build step, only the production
# dependencies installed from the lockfile. Not built on the machine this was
# written on (no Docker there); see README "Container".

# --- dependencies: production only, exactly as locked --------------------------
FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# --- runtime -------------------------------------------------------------------
FROM node:20-slim
ENV NODE_ENV=production \
    PORT=3978 \
    MUSTER_DATA_DIR=/data
WORKDIR /app
# A font for the board report's chart (Chart.js on @napi-rs/canvas draws its text with the system's fonts).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json package-lock.json tsconfig.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node src ./src
COPY --chown=node:node cards ./cards
COPY --chown=node:node directory ./directory
# The embedded store's files (or Teams' learned state with PostgreSQL) live here.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
# The image's own unprivileged user (uid 1000), never root.
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node, not npm, as PID 1's child-free entry: SIGTERM reaches Muster and it stops cleanly.
CMD ["node", "--import", "tsx", "src/main.ts"]
