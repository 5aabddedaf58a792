/**
 * The HTTP side of /graphql, in an order that refuses cheap things first: a token that does
 * not verify, the content type, the body's size and JSON, its nesting, then the GraphQL
 * document's bytes, tokens and nesting, all before Apollo parses or validates anything.
 * Every refusal is a GraphQL-shaped JSON error (`{errors: [{message, extensions: {code}}]}`)
 * with the HTTP status that goes with its code, whatever NODE_ENV says: never Express's HTML
 * error page, never a stack trace.
 */
import type { ServerResponse } from 'node:http';

import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';

import { describeAuthFailure } from '../auth/access.js';
import { bearerTokenOf, type Principal } from '../auth/token.js';
import type { Authentication, TokenStore } from '../auth/token-store.js';
import type { RequestLimits } from '../config/config.js';
import { AppError, ErrorCode, httpStatusOf } from '../errors/errors.js';
import { nestsDeeperThan } from './json-depth.js';
import { checkDocument } from './limits.js';

/** Who sent a request, decided once per request (rate limit, token check and context share it). */
export interface Caller {
  principal?: Principal;
  /** A token was sent but does not verify (unknown, revoked, mistyped or expired): why. */
  invalidToken?: string;
}

/** Who sent a request and what its token check said (for the exports' access rule). */
export interface Identified {
  caller: Caller;
  authentication?: Authentication;
}

/**
 * Who sent a request, from its Authorization header: anonymous without a token, else what the
 * token store says of it. Throws DATABASE_UNAVAILABLE (an AppError) when tokens cannot be
 * checked. The token itself is never logged or echoed back.
 */
export async function identify(tokens: TokenStore, authorization: string | undefined): Promise<Identified> {
  const token = bearerTokenOf(authorization);
  if (token === undefined) return { caller: {} };
  let authentication: Authentication;
  try {
    authentication = await tokens.authenticate(token);
  } catch (error) {
    throw error instanceof AppError ? error : new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The token could not be checked; try again shortly.');
  }
  const caller: Caller = 'principal' in authentication ? { principal: authentication.principal } : { invalidToken: describeAuthFailure(authentication) };
  return { caller, authentication };
}

/**
 * Checks the bearer token once, before anything else reads it. Tokens live in Neo4j, so this
 * is one indexed lookup; when the database cannot answer, the request is refused with
 * DATABASE_UNAVAILABLE in the route's own error shape rather than guessed at.
 */
export function identifyCaller(tokens: TokenStore, shape: 'graphql' | 'rest'): RequestHandler {
  return async (req, res, next) => {
    try {
      const { caller, authentication } = await identify(tokens, req.headers.authorization);
      res.locals['caller'] = caller;
      res.locals['authentication'] = authentication;
    } catch (error) {
      const appError = error as AppError;
      if (shape === 'graphql') return sendAppError(res, appError);
      res.status(httpStatusOf(appError.code)).json({ error: { code: appError.code, message: appError.message } });
      return;
    }
    next();
  };
}

/** The caller identifyCaller found (anonymous when it did not run). */
export function callerOf(_req: Request, res: Response): Caller {
  return (res.locals['caller'] as Caller | undefined) ?? {};
}

/**
 * Writes a GraphQL-shaped error as Express's res.json would, on any node:http response: the
 * Express chain's and the /graphql fast path's (src/graph/graphql-fast-path.ts) alike.
 */
export function sendGraphQLError(
  res: ServerResponse,
  code: ErrorCode,
  message: string,
  extensions: Record<string, unknown> = {},
  status = httpStatusOf(code),
): void {
  const body = JSON.stringify({ errors: [{ message, extensions: { code, ...extensions } }] });
  res.statusCode = status;
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** An AppError as sendGraphQLError writes it, with the status its `http` extension or its code gives. */
export function sendAppError(res: ServerResponse, error: AppError): void {
  const { code: _code, http, ...details } = error.extensions as Record<string, unknown>;
  const status = (http as { status?: number } | undefined)?.status ?? httpStatusOf(error.code);
  sendGraphQLError(res, error.code, error.message, details, status);
}

/** No cache may keep a GraphQL answer: what it holds depends on the caller's token (GET queries too). */
export const noStore: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  next();
};

/** Refuses a request whose bearer token does not verify, before its body is even read. */
export function refuseInvalidToken(): RequestHandler {
  return (req, res, next) => {
    const invalid = callerOf(req, res).invalidToken;
    if (invalid === undefined) return next();
    res.setHeader('WWW-Authenticate', 'Bearer');
    sendGraphQLError(res, ErrorCode.UNAUTHENTICATED, invalid);
  };
}

/** body-parser's error types, as our codes (the fast path in graphql-fast-path.ts reports its own body errors with the same types). */
export function bodyErrorOf(error: { type?: unknown; status?: unknown; charset?: unknown; encoding?: unknown }, limits: RequestLimits): AppError {
  const status = typeof error.status === 'number' ? error.status : 400;
  switch (error.type) {
    case 'entity.too.large':
      return new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than the limit of ${limits.maxBodyBytes} bytes.`, {
        limit: 'bodyBytes',
        maximum: limits.maxBodyBytes,
      });
    case 'entity.parse.failed':
      return new AppError(ErrorCode.BAD_REQUEST, 'The request body is not valid JSON.');
    case 'charset.unsupported':
      return new AppError(ErrorCode.BAD_REQUEST, `The charset "${String(error.charset)}" is not supported; send JSON in UTF-8.`, { http: { status: 415 } });
    case 'encoding.unsupported':
      return new AppError(ErrorCode.BAD_REQUEST, `The content encoding "${String(error.encoding)}" is not supported; send gzip, deflate, br or none.`, {
        http: { status: 415 },
      });
    default:
      // Aborted or short bodies and the like: the client's request, not our failure.
      return new AppError(ErrorCode.BAD_REQUEST, 'The request body could not be read.', { http: { status: status >= 400 && status < 500 ? status : 400 } });
  }
}

/** JSON only: a form post or text/plain body is refused as 415 rather than half-understood. */
const requireJson: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || req.is('application/json')) return next();
  sendGraphQLError(res, ErrorCode.BAD_REQUEST, 'POST /graphql takes a JSON body: send "Content-Type: application/json".', {}, 415);
};

/**
 * The checks of a parsed /graphql body before Apollo sees it: its JSON nesting, then the cheap
 * checks of its GraphQL document (`query`: the body's, or the URL's for a GET).
 */
export function graphqlBodyRefusal(body: unknown, query: unknown, limits: RequestLimits): AppError | undefined {
  if (nestsDeeperThan(body, limits.maxJsonDepth)) {
    return new AppError(ErrorCode.BAD_USER_INPUT, `The request body nests JSON more than ${limits.maxJsonDepth} levels deep, the limit.`, {
      limit: 'jsonDepth',
      maximum: limits.maxJsonDepth,
    });
  }
  return typeof query === 'string' ? checkDocument(query, limits) : undefined;
}

/**
 * The body-reading steps for /graphql: content type, size-limited JSON, its errors as
 * GraphQL errors, the nesting bound, and the cheap checks of the GraphQL document.
 */
export function graphqlBodyGuards(limits: RequestLimits): Array<RequestHandler | ErrorRequestHandler> {
  const parseJson = express.json({ limit: limits.maxBodyBytes });
  const bodyErrors: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent || error === null || typeof error !== 'object' || !('type' in error)) return next(error);
    sendAppError(res, bodyErrorOf(error as Parameters<typeof bodyErrorOf>[0], limits));
  };
  const checkBody: RequestHandler = (req, res, next) => {
    if (req.method === 'POST' && req.body === undefined) {
      return sendGraphQLError(res, ErrorCode.BAD_REQUEST, 'The request has no body; send {"query": "..."} as JSON.');
    }
    const query = req.method === 'GET' ? req.query['query'] : (req.body as Record<string, unknown> | undefined)?.['query'];
    const refusal = graphqlBodyRefusal(req.body, query, limits);
    if (refusal) return sendAppError(res, refusal);
    next();
  };
  return [requireJson, parseJson, bodyErrors, checkBody];
}

/** No route matched: a JSON 404 rather than Express's HTML page. */
export const notFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .setHeader('Cache-Control', 'no-store')
    .json({
      error: { code: ErrorCode.NOT_FOUND, message: `Nothing at ${req.method} ${req.path}. The API is at /graphql; see also /export and /health/ready.` },
    });
};

/**
 * The last handler of the app: anything that escaped a route becomes a JSON error with a
 * code, never Express's HTML page with a stack trace (which it shows unless NODE_ENV is
 * "production").
 */
export function lastResortErrorHandler(onUnexpected: (error: unknown) => void): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) return next(error);
    const status = typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : 500;
    const clientError = status >= 400 && status < 500;
    if (!clientError) onUnexpected(error);
    const code = clientError ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR;
    const message = clientError ? 'The request could not be understood.' : 'Internal server error';
    if (req.path.startsWith('/graphql')) return sendGraphQLError(res, code, message, {}, clientError ? status : 500);
    res
      .status(clientError ? status : 500)
      .setHeader('Cache-Control', 'no-store')
      .json({ error: { code, message } });
  };
}
