/**
 * Roles by decorator: `@Authorized(role)` with the project's authChecker must give a client
 * exactly the errors the inline checks gave (UNAUTHENTICATED with HTTP 401, FORBIDDEN naming
 * the role), never type-graphql's default "Access denied!", and must refuse before the
 * resolver runs. `@Caller()` hands the resolver the principal.
 */
import { graphql } from 'graphql';
import { Arg, Authorized, Ctx, Mutation, Query, Resolver, buildSchema } from 'type-graphql';
import { beforeAll, describe, expect, it } from 'vitest';

import { authChecker, Caller } from '../../src/auth/authorization.js';
import type { Principal } from '../../src/auth/token.js';
import type { RequestContext } from '../../src/request/context.js';

const calls: string[] = [];

@Resolver()
class GuardedResolver {
  @Query(() => String)
  open(): string {
    return 'open';
  }

  @Authorized('editor')
  @Mutation(() => String)
  write(@Arg('text', () => String) text: string, @Caller() by: Principal): string {
    calls.push(text);
    return `${by.name} (${by.role}) wrote ${text}`;
  }

  @Authorized('admin')
  @Mutation(() => String)
  retract(@Ctx() ctx: RequestContext): string {
    calls.push('retract');
    return ctx.principal?.name ?? '';
  }
}

const principal = (role: Principal['role']): Principal => ({ tokenId: '0123456789ab', name: `${role}-x`, role });
let schema: Awaited<ReturnType<typeof buildSchema>>;
beforeAll(async () => {
  schema = await buildSchema({ resolvers: [GuardedResolver], authChecker, validate: false });
});

const run = (source: string, context: Partial<RequestContext>) => graphql({ schema, source, contextValue: context });

describe('@Authorized with the project auth checker', () => {
  it('lets a caller with the role (or a higher one) through and hands the resolver its principal', async () => {
    expect((await run('mutation { write(text: "a") }', { principal: principal('editor') })).data).toEqual({ write: 'editor-x (editor) wrote a' });
    expect((await run('mutation { write(text: "b") }', { principal: principal('admin') })).data).toEqual({ write: 'admin-x (admin) wrote b' });
  });

  it('refuses an anonymous caller with UNAUTHENTICATED (HTTP 401) and the project message, before the resolver runs', async () => {
    calls.length = 0;
    const result = await run('mutation { write(text: "c") }', { principal: null });
    const [error] = result.errors ?? [];
    expect(error?.message).toBe('This needs a bearer token with role "editor" (Authorization: Bearer <token>).');
    expect(error?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', http: { status: 401 } });
    expect(calls).toEqual([]);
  });

  it('refuses a caller without the role with FORBIDDEN naming the role, never "Access denied!"', async () => {
    calls.length = 0;
    const result = await run('mutation { retract }', { principal: principal('editor') });
    const [error] = result.errors ?? [];
    expect(error?.message).toBe('This needs role "admin"; the token of "editor-x" has role "editor".');
    expect(error?.extensions).toMatchObject({ code: 'FORBIDDEN', requiredRole: 'admin' });
    expect(result.errors?.some((e) => /Access denied/i.test(e.message))).toBe(false);
    expect(calls).toEqual([]);
  });

  it('refuses a token that did not verify with its own message', async () => {
    const result = await run('mutation { write(text: "d") }', { principal: null, authFailure: 'The bearer token expired at 2025-01-01T00:00:00Z.' });
    expect(result.errors?.[0]?.message).toBe('The bearer token expired at 2025-01-01T00:00:00Z.');
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('leaves fields without @Authorized open', async () => {
    expect((await run('{ open }', {})).data).toEqual({ open: 'open' });
  });
});
