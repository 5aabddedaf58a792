# The API image. Neo4j runs in its own container (docker-compose.yml) or elsewhere
# (NEO4J_URI); this image never provisions one.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Dev dependencies are needed once to bundle the browser pages; pruned afterwards.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN (npm run build:web --if-present) && npm prune --omit=dev --no-audit --no-fund
EXPOSE 4000
USER node
CMD ["npx", "tsx", "src/main.ts"]
