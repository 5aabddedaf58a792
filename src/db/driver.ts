/** How the service connects to Neo4j: one driver (and its connection pool) per process. */
import neo4j, { type Driver } from 'neo4j-driver';

import type { AppConfig } from '../config/config.js';

export function openDriver(config: AppConfig['neo4j']): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Integers in this graph (rounds, pages, counts) are far below 2^53.
    disableLosslessIntegers: true,
    connectionTimeout: config.connectionTimeoutMs,
    connectionAcquisitionTimeout: config.connectionTimeoutMs,
    // Managed transactions retry transient failures; bound that so a dead database gives a
    // prompt DATABASE_UNAVAILABLE instead of a hung request.
    maxTransactionRetryTime: config.connectionTimeoutMs,
    userAgent: 'negotiation-graph/0.1',
  });
}
