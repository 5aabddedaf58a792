/**
 * Requests per client and time window on /graphql and /export, with express-rate-limit: a
 * client is its API token when it sends one that verifies (identifyCaller ran before), else its address (IPv6 grouped by
 * /56, as one host usually holds a whole block). Over the limit, a request gets 429 with
 * `Retry-After` and an error with code RATE_LIMITED, in the route's own error shape.
 *
 * Subscribe messages over WebSocket count in the /graphql budget too (operationRateLimit, for
 * callers Express does not see): the limiter and it share one store.
 *
 * The counts live in this process's memory: with several replicas each counts its own share,
 * so a client can make up to (replicas x limit) requests per window. A shared store
 * (express-rate-limit's Redis store) would make it one budget; see README "Operating".
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { Express, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit, type Store } from 'express-rate-limit';

import type { Principal } from '../auth/token.js';
import type { RateLimitConfig } from '../config/config.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { callerOf, sendGraphQLError } from './http-guards.js';

export type ErrorShape = 'graphql' | 'rest';

/** Who a client is for the rate limit: its token when one verifies, else its address (ipKeyGenerator's: IPv6 by /56). */
function clientKeyOf(principal: Principal | null | undefined, addressKey: string): string {
  return principal ? `token:${principal.tokenId}` : `address:${addressKey}`;
}

function limitMessage(config: RateLimitConfig, principal: Principal | null | undefined, retryAfterSeconds: number): string {
  return `Too many requests from this ${principal ? 'token' : 'address'}: the limit is ${principal ? config.tokenMax : config.anonymousMax} per ${config.windowMs / 1000} s. Try again in ${retryAfterSeconds} s.`;
}

/** The counts of one budget, in this process's memory (see the file comment). */
export function createRateLimitStore(): Store {
  return new MemoryStore();
}

/**
 * A rate limiter for one route, or a pass-through when rate limiting is off. Counts in `store`
 * when given (one store per budget: /graphql's is shared with operationRateLimit).
 */
export function rateLimiter(config: RateLimitConfig, shape: ErrorShape, store: Store = createRateLimitStore()): RequestHandler {
  if (!config.enabled) return (_req, _res, next) => next();
  return rateLimit({
    windowMs: config.windowMs,
    store,
    limit: (req, res) => (callerOf(req, res).principal ? config.tokenMax : config.anonymousMax),
    keyGenerator: (req, res) => clientKeyOf(callerOf(req, res).principal, ipKeyGenerator(req.ip ?? 'unknown')),
    // RateLimit-* headers (IETF draft 8) on every answer, Retry-After on refusals.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => {
      const principal = callerOf(req, res).principal;
      const retryAfterSeconds = Number(res.getHeader('Retry-After')) || Math.ceil(config.windowMs / 1000);
      sendRateLimited(res, shape, limitMessage(config, principal, retryAfterSeconds), retryAfterSeconds);
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

/**
 * The same budget for operations Express does not see (subscribe messages over WebSocket):
 * counts one operation of a client in `store`, the one the /graphql limiter (rateLimiter)
 * counts in and initialises, and answers the RATE_LIMITED refusal once the client is over its
 * limit (undefined while it is not).
 */
export function operationRateLimit(
  config: RateLimitConfig,
  store: Store,
): (principal: Principal | null | undefined, address: string | undefined) => Promise<AppError | undefined> {
  if (!config.enabled) return async () => undefined;
  const charge = chargeClient(config, store);
  return async (principal, address) => {
    const { used, limit, resetSeconds } = await charge(principal, address);
    if (used <= limit) return undefined;
    const retryAfterSeconds = Math.max(1, resetSeconds);
    return new AppError(ErrorCode.RATE_LIMITED, limitMessage(config, principal, retryAfterSeconds), { retryAfterSeconds });
  };
}

/** One request or operation counted against its client's budget: the count, the limit and the seconds left in the window. */
interface ClientCharge {
  key: string;
  used: number;
  limit: number;
  resetSeconds: number;
  windowSeconds: number;
}

/** Counts one request of a client (its token when one verifies, else its address) in `store`, as rateLimiter's keyGenerator and limit do. */
function chargeClient(config: RateLimitConfig, store: Store) {
  const windowSeconds = Math.ceil(config.windowMs / 1000);
  return async (principal: Principal | null | undefined, address: string | undefined): Promise<ClientCharge> => {
    const key = clientKeyOf(principal, ipKeyGenerator(address ?? 'unknown'));
    const { totalHits, resetTime } = await store.increment(key);
    const resetSeconds = resetTime ? Math.max(0, Math.ceil((resetTime.getTime() - Date.now()) / 1000)) : windowSeconds;
    return { key, used: totalHits, limit: principal ? config.tokenMax : config.anonymousMax, resetSeconds, windowSeconds };
  };
}

/** What the /graphql fast path (src/graph/graphql-fast-path.ts) learns of one request's rate limit. */
export interface RateLimitCharge {
  /** The RateLimit and RateLimit-Policy headers (IETF draft 8) the answer carries. */
  headers: Array<[name: string, value: string]>;
  /** Set once the client is over its limit: the request is refused with 429 and Retry-After. */
  refusal?: { message: string; retryAfterSeconds: number };
}

/** The policy's name in the draft-8 headers, as express-rate-limit's default identifier spells it ("300-in-1min"). */
function policyName(limit: number, windowMs: number): string {
  const seconds = windowMs / 1000;
  const minutes = seconds / 60;
  const hours = minutes / 60;
  const days = hours / 24;
  if (seconds < 60) return `${limit}-in-${seconds}sec`;
  if (minutes < 60) return `${limit}-in-${minutes}min`;
  if (hours < 24) return `${limit}-in-${hours}hr${hours > 1 ? 's' : ''}`;
  return `${limit}-in-${days}day${days > 1 ? 's' : ''}`;
}

/**
 * The /graphql budget for the requests that do not pass through Express (the fast path): the
 * same count in the same store as `rateLimiter`'s, the same limits, headers and refusal, so a
 * client cannot tell which way its request went (a test compares the two).
 */
export function requestRateLimit(
  config: RateLimitConfig,
  store: Store,
): (principal: Principal | null | undefined, address: string | undefined) => Promise<RateLimitCharge> {
  const charge = chargeClient(config, store);
  return async (principal, address) => {
    const { key, used, limit, resetSeconds, windowSeconds } = await charge(principal, address);
    // express-rate-limit's partition key: the first 12 hex digits of the key's SHA-256, in base64.
    const partitionKey = Buffer.from(createHash('sha256').update(key).digest('hex').slice(0, 12)).toString('base64');
    const name = policyName(limit, config.windowMs);
    const result: RateLimitCharge = {
      headers: [
        ['RateLimit', `"${name}"; r=${Math.max(limit - used, 0)}; t=${resetSeconds}`],
        ['RateLimit-Policy', `"${name}"; q=${limit}; w=${windowSeconds}; pk=:${partitionKey}:`],
      ],
    };
    if (used > limit) {
      // As rateLimiter's handler reads it back from the Retry-After header it set.
      const retryAfterSeconds = resetSeconds || windowSeconds;
      result.headers.push(['Retry-After', String(resetSeconds)]);
      result.refusal = { message: limitMessage(config, principal, retryAfterSeconds), retryAfterSeconds };
    }
    return result;
  };
}

/**
 * The client address Express would give a request (`req.ip`, under the app's "trust proxy"
 * setting), for a WebSocket upgrade request, which never passes through Express.
 */
export function clientAddressOf(app: Express, request: IncomingMessage): string | undefined {
  const view = Object.create(app.request as object, { headers: { value: request.headers }, socket: { value: request.socket } }) as Request;
  return view.ip;
}
