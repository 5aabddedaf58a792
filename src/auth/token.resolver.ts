/**
 * Who am I, and token management for admins. Secrets are returned once, by createApiToken,
 * and never stored, logged or listed: only their salted hashes are kept (in Neo4j).
 */
import { Arg, Authorized, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';

import { AppError, ErrorCode, badUserInput } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { Caller } from './authorization.js';
import { isRole, parseExpiry, type Principal, ROLES, TOKEN_NAME_PATTERN } from './token.js';
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

  @Field(() => String, { nullable: true, description: 'When the token stops working (ISO 8601); null when it does not expire.' })
  expiresAt!: string | null;

  @Field(() => String, { description: '"database" (managed here and with npm run token) or "env" (AUTH_TOKENS, read-only).' })
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

function expiryOf(text: string | null | undefined): Date | null {
  if (text === null || text === undefined) return null;
  try {
    return parseExpiry(text);
  } catch (error) {
    throw badUserInput('expiresAt', error instanceof Error ? error.message.replace(/^expiry /, '') : String(error));
  }
}

@Resolver()
export class TokenResolver {
  @Query(() => Viewer, { nullable: true, description: 'Who the bearer token belongs to; null without a token.' })
  viewer(@Ctx() ctx: RequestContext): Viewer | null {
    return ctx.principal ? { name: ctx.principal.name, role: ctx.principal.role } : null;
  }

  @Authorized('admin')
  @Query(() => [ApiToken], { description: 'The API tokens in force (not revoked; expired ones included, with expiresAt), without secrets (role admin).' })
  async apiTokens(@Ctx() ctx: RequestContext): Promise<ApiToken[]> {
    return storeOf(ctx).list();
  }

  @Authorized('admin')
  @Mutation(() => NewApiToken, { description: 'Creates an API token (role admin); the secret is in the answer, once.' })
  async createApiToken(
    @Arg('name', () => String, { description: 'Who will hold it (letters, digits, . _ @ -); recorded on their writes.' }) name: string,
    @Arg('role', () => String, { description: 'reader, editor or admin.' }) role: string,
    @Arg('expiresAt', () => String, {
      nullable: true,
      description:
        'When it stops working: an ISO 8601 date or instant, or a duration from now (90d, 12h, 2w); within ten years. Omit for a token that does not expire.',
    })
    expiresAt: string | null | undefined,
    @Caller() admin: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<NewApiToken> {
    if (!TOKEN_NAME_PATTERN.test(name)) throw badUserInput('name', 'must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)');
    if (!isRole(role)) throw badUserInput('role', `must be one of ${ROLES.join(', ')}, got "${role}"`);
    const expiry = expiryOf(expiresAt);
    storeOf(ctx);
    const created = await ctx.services.createToken({ name, role, expiresAt: expiry }, { by: admin.name, via: 'api' });
    return { token: created.token, apiToken: created.info };
  }

  @Authorized('admin')
  @Mutation(() => ApiToken, { description: 'Revokes an API token (role admin); it stops working at once, on every replica.' })
  async revokeApiToken(
    @Arg('id', () => ID, { description: 'The token id (the part after "ngt_").' }) id: string,
    @Caller() admin: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<ApiToken> {
    if (storeOf(ctx).fromEnvironment(id)) throw badUserInput('id', 'names a token from AUTH_TOKENS; remove it from that variable instead');
    const revoked = await ctx.services.revokeToken(id, { by: admin.name, via: 'api' });
    if (!revoked) throw new AppError(ErrorCode.NOT_FOUND, `Argument "id": there is no token in force with id "${id}"`, { argument: 'id' });
    return revoked;
  }
}
