/**
 * Who am I, and token management for admins. Secrets are returned once, by createApiToken,
 * and never stored, logged or listed: only their salted hashes are kept.
 */
import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';

import { AuditAction, AuditTargetKind } from '../curation/audit.js';
import { writeAudit } from '../curation/curation.repository.js';
import { AppError, ErrorCode, badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../graph/context.js';
import { requireRole } from './access.js';
import { isRole, ROLES, TOKEN_NAME_PATTERN } from './token.js';
import type { TokenStore } from './token-store.js';

@ObjectType({ description: 'The caller, as their bearer token identifies them.' })
export class Viewer {
  @Field(() => String, { description: 'The token holder’s name, recorded as recordedBy on their writes.' })
  name!: string;

  @Field(() => String, { description: 'reader, editor or admin.' })
  role!: string;
}

@ObjectType({ description: 'An API token, without its secret.' })
export class ApiToken {
  @Field(() => ID, { description: 'The public part of the token ("ngt_<id>_...").' })
  id!: string;

  @Field(() => String, { description: 'Who holds the token; recorded as recordedBy on their writes.' })
  name!: string;

  @Field(() => String, { description: 'reader, editor or admin.' })
  role!: string;

  @Field(() => String, { description: 'When the token was created (ISO 8601).' })
  createdAt!: string;

  @Field(() => String, { description: '"file" (managed here and with npm run token) or "env" (AUTH_TOKENS, read-only).' })
  origin!: string;
}

@ObjectType({ description: 'A new token. The secret is shown this once; only its hash is stored.' })
export class NewApiToken {
  @Field(() => String, { description: 'Send as "Authorization: Bearer <token>". Store it safely: it cannot be shown again.' })
  token!: string;

  @Field(() => ApiToken, { description: 'The stored token, without its secret.' })
  apiToken!: ApiToken;
}

function storeOf(ctx: RequestContext): TokenStore {
  if (!ctx.tokens) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, 'no token store configured');
  return ctx.tokens;
}

@Resolver()
export class TokenResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who the bearer token belongs to; null without a token.' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    return ctx.principal ? { name: ctx.principal.name, role: ctx.principal.role } : null;
  }

  @Query(() => [ApiToken], { description: 'Every API token, without secrets (role admin).' })
  apiTokens(@Ctx() ctx: RequestContext): ApiToken[] {
    requireRole(ctx, 'admin');
    return storeOf(ctx).list();
  }

  @Mutation(() => NewApiToken, { description: 'Creates an API token (role admin); the secret is in the answer, once.' })
  async createApiToken(
    @Arg('name', () => String, { description: 'Who will hold it (letters, digits, . _ @ -); recorded on their writes.' }) name: string,
    @Arg('role', () => String, { description: 'reader, editor or admin.' }) role: string,
    @Ctx() ctx: RequestContext,
  ): Promise<NewApiToken> {
    const admin = requireRole(ctx, 'admin');
    if (!TOKEN_NAME_PATTERN.test(name)) throw badUserInput('name', 'must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)');
    if (!isRole(role)) throw badUserInput('role', `must be one of ${ROLES.join(', ')}, got "${role}"`);
    const store = storeOf(ctx);
    return ctx.executor.writeTransaction('createApiToken', async (scope) => {
      const created = store.create(name, role);
      const stamp = { now: new Date().toISOString(), by: admin.name };
      await writeAudit(
        scope,
        [
          {
            action: AuditAction.CREATE,
            targetKind: AuditTargetKind.API_TOKEN,
            targetId: created.info.id,
            summary: `Created token for "${name}" with role ${role}`,
          },
        ],
        stamp,
        'api',
      );
      return { token: created.token, apiToken: created.info };
    });
  }

  @Mutation(() => ApiToken, { description: 'Revokes an API token from the token file (role admin); it stops working at once.' })
  async revokeApiToken(
    @Arg('id', () => ID, { description: 'The token id (the part after "ngt_").' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiToken> {
    const admin = requireRole(ctx, 'admin');
    const store = storeOf(ctx);
    const token = store.list().find((t) => t.id === id);
    if (!token) throw new AppError(ErrorCode.NOT_FOUND, `Argument "id": there is no token with id "${id}"`, { argument: 'id' });
    if (token.origin !== 'file') throw badUserInput('id', 'names a token from AUTH_TOKENS; remove it from that variable instead');
    return ctx.executor.writeTransaction('revokeApiToken', async (scope) => {
      const stamp = { now: new Date().toISOString(), by: admin.name };
      await writeAudit(
        scope,
        [{ action: AuditAction.REVOKE, targetKind: AuditTargetKind.API_TOKEN, targetId: id, summary: `Revoked token of "${token.name}"` }],
        stamp,
        'api',
      );
      store.revoke(id);
      return token;
    });
  }
}
