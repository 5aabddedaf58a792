/**
 * Requests per client and time window on /graphql and /export, with express-rate-limit: a
 * client is its API token when it sends one that verifies (identifyCaller ran before), else its address (IPv6 grouped by
 * /56, as one host usually holds a whole block). Over the limit, a request gets 429 with
 * `Retry-After` and an error with code RATE_LIMITED, in the route's own error shape.
 *
 * The counts live in this process's memory: with several replicas each counts its own share,
 * so a client can make up to (replicas x limit) requests per window. A shared store
 * (express-rate-limit's Redis store) would make it one budget; see README "Operating".
 */
import type { RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';

import type { RateLimitConfig } from '../config/config.js';
import { ErrorCode } from '../errors/errors.js';
import { callerOf, sendGraphQLError } from './http-guards.js';

export type ErrorShape = 'graphql' | 'rest';

/** A rate limiter for one route, or a pass-through when rate limiting is off. */
export function rateLimiter(config: RateLimitConfig, shape: ErrorShape): RequestHandler {
  if (!config.enabled) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: config.windowMs,
    limit: (req, res) => (callerOf(req, res).principal ? config.tokenMax : config.anonymousMax),
    keyGenerator: (req, res) => {
      const principal = callerOf(req, res).principal;
      return principal ? `token:${principal.tokenId}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
    },
    // RateLimit-* headers (IETF draft 8) on every answer, Retry-After on refusals.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const principal = callerOf(req, res).principal;
      const retryAfterSeconds = Number(res.getHeader('Retry-After')) || Math.ceil(config.windowMs / 1000);
      const message = `Too many requests from this ${principal ? 'token' : 'address'}: the limit is ${principal ? config.tokenMax : config.anonymousMax} per ${config.windowMs / 1000} s. Try again in ${retryAfterSeconds} s.`;
      sendRateLimited(res, shape, message, retryAfterSeconds);
    },
  });
}

function sendRateLimited(res: Response, shape: ErrorShape, message: string, retryAfterSeconds: number): void {
  if (shape === 'graphql') {
    sendGraphQLError(res, ErrorCode.RATE_LIMITED, message, { retryAfterSeconds });
    return;
  }
  res
    .status(429)
    .setHeader('Cache-Control', 'no-store')
    .json({ error: { code: ErrorCode.RATE_LIMITED, message, retryAfterSeconds } });
}
