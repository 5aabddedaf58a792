/**
 * The rate limit for operations Express does not see (subscribe messages over WebSocket): the
 * client's address as Express would see it, and the budget shared with the /graphql limiter.
 */
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

import express from 'express';
import { describe, expect, it } from 'vitest';

import type { Principal } from '../../src/auth/token.js';
import type { RateLimitConfig } from '../../src/config/config.js';
import { clientAddressOf, createRateLimitStore, operationRateLimit, rateLimiter } from '../../src/graph/rate-limit.js';

const upgrade = (remoteAddress: string, forwardedFor?: string) =>
  ({ headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}, socket: { remoteAddress } as Socket }) as unknown as IncomingMessage;

const config: RateLimitConfig = { enabled: true, windowMs: 60_000, anonymousMax: 2, tokenMax: 3, trustProxy: false };
const principal = { tokenId: 'abc123', name: 'alice', role: 'reader' } as Principal;

describe('clientAddressOf', () => {
  it('is the socket address unless "trust proxy" says to believe X-Forwarded-For', () => {
    const direct = express();
    expect(clientAddressOf(direct, upgrade('10.0.0.5', '203.0.113.7'))).toBe('10.0.0.5');
    const proxied = express();
    proxied.set('trust proxy', 1);
    expect(clientAddressOf(proxied, upgrade('10.0.0.5', '203.0.113.7'))).toBe('203.0.113.7');
  });
});

describe('operationRateLimit', () => {
  it('refuses an address past its budget with RATE_LIMITED, while a token counts on its own', async () => {
    const store = createRateLimitStore();
    // The /graphql limiter initialises the store the two share.
    rateLimiter(config, 'graphql', store);
    const admit = operationRateLimit(config, store);
    expect(await admit(null, '198.51.100.1')).toBeUndefined();
    expect(await admit(null, '198.51.100.1')).toBeUndefined();
    const refused = await admit(null, '198.51.100.1');
    expect(refused?.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused?.extensions['retryAfterSeconds']).toBeGreaterThan(0);
    // Another address, and a token sent from the refused address, each have a budget of their own.
    expect(await admit(null, '198.51.100.2')).toBeUndefined();
    for (let i = 0; i < 3; i++) expect(await admit(principal, '198.51.100.1')).toBeUndefined();
    expect((await admit(principal, '198.51.100.1'))?.message).toMatch(/from this token: the limit is 3 per 60 s/);
  });

  it('admits everything when rate limiting is off', async () => {
    const admit = operationRateLimit({ ...config, enabled: false }, createRateLimitStore());
    for (let i = 0; i < 5; i++) expect(await admit(null, '198.51.100.1')).toBeUndefined();
  });
});
