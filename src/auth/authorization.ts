/**
 * Roles on resolvers, the type-graphql way: a resolver or field says which role it needs with
 * `@Authorized('editor')` (or 'admin', 'reader'), and `authChecker`, handed to buildSchema,
 * enforces it before the resolver runs (before its arguments are read or the database is
 * touched). The checker throws the project's own errors (UNAUTHENTICATED, FORBIDDEN, with the
 * messages of `requireRole`), so type-graphql's default messages never reach a client.
 *
 * `@Caller()` hands a resolver the principal, typed, for the `by` of its writes.
 */
import { type AuthCheckerFn, createParameterDecorator } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import { requireRole } from './access.js';
import type { Principal, Role } from './token.js';

/** Lets the request through when the caller holds every role named; otherwise throws (never returns false). */
export const authChecker: AuthCheckerFn<RequestContext, Role> = ({ context }, roles) => {
  for (const role of roles) requireRole(context, role);
  return true;
};

/**
 * The caller, for a resolver guarded by `@Authorized`: by then the caller is known, so this
 * never fails there. Without a guard it still refuses an anonymous caller (UNAUTHENTICATED)
 * rather than hand the resolver a missing principal.
 */
export function Caller(): ReturnType<typeof createParameterDecorator> {
  return createParameterDecorator<RequestContext>(({ context }): Principal => requireRole(context, 'reader'));
}
