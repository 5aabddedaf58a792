/**
 * Who may do what. Reads are open unless READS_REQUIRE_TOKEN is set; writes need role
 * `editor`; retractions and token management need `admin`. Resolvers call `requireRole`
 * first, before validating or touching the database.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';

import { AppError, ErrorCode } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { bearerTokenOf, type Principal, type Role, roleAllows } from './token.js';
import type { TokenStore } from './token-store.js';

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
 * Refuses a request that presents a token that does not verify (whatever it asks), and, when
 * reads require a token, any operation without one. Mutations check their own role.
 */
export function accessPlugin(readsRequireToken: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation }) {
          if (contextValue.authFailure) throw unauthenticated(contextValue.authFailure);
          if (readsRequireToken && operation?.operation !== 'mutation') requireRole(contextValue, 'reader');
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
    const principal = token === undefined ? undefined : tokens.authenticate(token);
    if ((token !== undefined && !principal) || (readsRequireToken && !principal)) {
      const message =
        token === undefined
          ? 'Reads need a bearer token here (Authorization: Bearer <token>).'
          : 'The bearer token is not valid (unknown, revoked or mistyped).';
      res
        .status(401)
        .set('WWW-Authenticate', 'Bearer')
        .json({ error: { code: ErrorCode.UNAUTHENTICATED, message } });
      return;
    }
    next();
  };
}
