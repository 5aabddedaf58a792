/**
 * The service process: reads the configuration, builds the app and listens. Everything else
 * lives in createApp so tests need no port. Shuts down gracefully on SIGTERM/SIGINT: stops
 * accepting connections, lets in-flight requests finish, then closes the database driver.
 */
import 'reflect-metadata';

import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';

import { createApp } from './app.js';
import { ConfigError, loadConfig, loadDotEnv } from './config/config.js';

export async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }

  const httpServer = createServer();
  const app = await createApp(config, { httpServer });
  httpServer.on('request', app.http);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new Error(`Port ${config.port} is already in use. Stop the other program or set PORT to another port.`));
      else reject(error);
    });
    httpServer.listen(config.port, config.host, resolve);
  });
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  app.logger.info('server listening', { graphql: `http://${shownHost}:${config.port}/graphql`, neo4j: config.neo4j.uri });
  const base = `http://${shownHost}:${config.port}`;
  console.log(`\nGraphQL API: ${base}/graphql\nPlayground:  ${base}/playground\nGraph view:  ${base}/explore\nHealth:      ${base}/health/ready\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info('shutting down', { signal });
    // apollo.stop() drains the HTTP server (finishes in-flight requests) before closing.
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    app.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
