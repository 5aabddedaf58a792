/**
 * Who may do what. Reads are open unless READS_REQUIRE_TOKEN is set; writes need role
 * `editor`; retractions and token management need `admin`. Resolvers call `requireRole`
 * first, before validating or touching the database.
 */
import type { ApolloServerPlugin } from '@apollo/server';

import { AppError, ErrorCode } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import type { Principal, Role } from './token.js';
import { roleAllows } from './token.js';

type AuthContext = Pick<RequestContext, 'principal' | 'authFailure'>;

// Apollo uses extensions.http to set the status of errors raised in request hooks.
const unauthenticated = (message: string) => new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401 } });

/** The caller, when they hold at least `role`; otherwise UNAUTHENTICATED or FORBIDDEN. */
export function requireRole(ctx: AuthContext, role: Role): Principal {
  if (ctx.authFailure) throw unauthenticated(ctx.authFailure);
  const principal = ctx.principal ?? null;
  if (principal === null) throw unauthenticated(`This needs a bearer token with role "${role}" (Authorization: Bearer <token>).`);
  if (!roleAllows(principal.role, role)) {
    throw new AppError(ErrorCode.FORBIDDEN, `This needs role "${role}"; the token of "${principal.name}" has role "${principal.role}".`, { requiredRole: role });
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
