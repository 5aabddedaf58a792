/**
 * Who may do what. Reads are open unless READS_REQUIRE_TOKEN is set; writes need role
 * `editor`; retractions and token management need `admin`. Resolvers call `requireRole`
 * first, before validating or touching the database. A presented token is checked against the
 * database (src/auth/token-store.ts) before any resolver runs.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

import { AppError, ErrorCode, httpStatusOf } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { bearerTokenOf, type Principal, type Role, roleAllows } from './token.js';
import type { Authentication, TokenStore } from './token-store.js';

type AuthContext = Pick<RequestContext, 'principal' | 'authFailure'>;

// Apollo uses extensions.http to set the status of errors raised in request hooks.
const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/** The caller, when they hold at least `role`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(ctx: AuthContext, role: Role): Principal {
  if (ctx.authFailure) throw unauthenticated(ctx.authFailure);
  const principal = ctx.principal ?? null;
  if (principal === null) throw unauthenticated(`This needs a bearer token with role "${role}" (Authorization: Bearer <token>).`);
  if (!roleAllows(principal.role, role)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This needs role "${role}"; the token of "${principal.name}" has role "${principal.role}".`, {
      requiredRole: role,
    });
  }
  return principal;
}

/**
 * Settles the request's token check (a lookup in Neo4j, started with the context) and refuses
 * the request when the token does not verify. Every plugin that must not do work for a bad
 * token calls it first; the lookup itself runs once.
 */
export async function refuseUnauthenticated(contextValue: RequestContext): Promise<void> {
  if (contextValue.authentication) Object.assign(contextValue, await contextValue.authentication.catch(withHttpStatus));
  if (contextValue.authFailure) throw unauthenticated(contextValue.authFailure);
}

/**
 * Refuses a request that presents a token that does not verify (whatever it asks), and, when
 * reads require a token, any operation without one. Mutations check their own role.
 */
export async function checkAccess(contextValue: RequestContext, operation: { operation: string } | undefined, readsRequireToken: boolean): Promise<void> {
  await refuseUnauthenticated(contextValue);
  if (readsRequireToken && operation?.operation !== 'mutation') requireRole(contextValue, 'reader');
}

/** checkAccess for every operation through Apollo (the fast path's prepared queries call it themselves). */
export function accessPlugin(readsRequireToken: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          await checkAccess(contextValue, operation, readsRequireToken);
        },
      };
    },
  };
}

/**
 * The same rule for the REST exports (/export/*), which read the whole graph: a token that
 * does not verify is refused, and with READS_REQUIRE_TOKEN any request without one is.
 */
export function readAccessMiddleware(tokens: TokenStore, readsRequireToken: boolean): RequestHandler {
  return (req, res, next) => {
    const token = bearerTokenOf(req.headers.authorization);
    // identifyCaller (src/graph/http-guards.ts) may have checked the token already: reuse its answer.
    const known = res.locals['authentication'] as Authentication | undefined;
    const checked = token === undefined ? Promise.resolve(undefined) : known ? Promise.resolve(known) : tokens.authenticate(token);
    checked.then(
      (authentication) => {
        const principal = authentication && 'principal' in authentication ? authentication.principal : undefined;
        if ((token !== undefined && !principal) || (readsRequireToken && !principal)) {
          const message = authentication ? describeAuthFailure(authentication) : 'Reads need a bearer token here (Authorization: Bearer <token>).';
          res
            .status(401)
            .set('WWW-Authenticate', 'Bearer')
            .json({ error: { code: ErrorCode.UNAUTHENTICATED, message } });
          return;
        }
        next();
      },
      (error: unknown) => {
        // The database could not be asked about the token: say so as JSON, never as a stack trace.
        const code = error instanceof AppError ? error.code : ErrorCode.INTERNAL_SERVER_ERROR;
        const message = error instanceof AppError ? error.message : 'The token could not be checked.';
        res.status(httpStatusOf(code)).json({ error: { code, message } });
      },
    );
  };
}

/** A failure to check a token (the database is down) answers with its own status, e.g. 503, not 500. */
function withHttpStatus(error: unknown): never {
  if (error instanceof AppError) throw new AppError(error.code, error.message, { http: { status: httpStatusOf(error.code) } });
  throw error;
}

/** What a client is told when its token is refused; the token itself is never echoed. */
export function describeAuthFailure(authentication: Authentication): string {
  if ('failure' in authentication && authentication.failure === 'expired') {
    return `The bearer token expired at ${authentication.expiresAt}. Ask an admin for a new one ("npm run token -- create" or createApiToken).`;
  }
  return 'The bearer token is not valid (unknown, revoked or mistyped). Send "Authorization: Bearer <token>" with a token from "npm run token -- create".';
}
