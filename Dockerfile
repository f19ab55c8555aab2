# syntax=docker/dockerfile:1.7
# Build stage: full install (dev tools) and the TypeScript build.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY jobs ./jobs
RUN npm run build

# Runtime stage: production dependencies only, no compiler, no system fonts needed (the Devanagari font
# ships inside node_modules/@expo-google-fonts and is loaded explicitly), running as the non-root user.
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    LOG_FORMAT=json \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would run the TypeScript build, already done in the build stage.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY locales ./locales
COPY src/adapters/postgres/migrations ./src/adapters/postgres/migrations
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
ENTRYPOINT ["node", "dist/src/cli.js"]
CMD ["start"]
