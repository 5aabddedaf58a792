/**
 * Liveness and readiness for orchestrators and humans:
 * - GET /health/live: the process is up (always 200 while it can answer).
 * - GET /health/ready: 200 only when Neo4j answers and the schema is applied; 503 with the
 *   reason otherwise, so a load balancer sends no traffic to an instance that cannot serve.
 */
import { Router } from 'express';

import type { DatabaseState } from '../db/database-state.js';

export function healthRoutes(database: DatabaseState): Router {
  const router = Router();
  router.get('/health/live', (_req, res) => {
    res.json({ status: 'live' });
  });
  router.get('/health/ready', async (_req, res) => {
    const readiness = await database.readiness();
    if (readiness.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not ready', reason: readiness.reason });
  });
  return router;
}
