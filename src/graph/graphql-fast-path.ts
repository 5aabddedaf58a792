/**
 * POST /graphql without Express. Nearly every request of a GraphQL client is a POST of a JSON
 * body to /graphql; Express's per-request machinery (its request and response objects, the
 * router walking every route of the app, body-parser) cost about 12% of the service's CPU on a
 * short query, and Apollo's Express integration a little more, measured with `--cpu-prof`
 * under the benchmark's load. This handler takes that common case straight from node:http to
 * Apollo's `executeHTTPGraphQLRequest`, with the same checks in the same order as the Express
 * chain in app.ts (src/graph/http-guards.ts): no-store, the caller's token, the rate limit, an
 * invalid token, the body's size and JSON, its nesting and the document's cheap checks. Its
 * answers (statuses, headers, bodies) are the chain's; `tests/integration/fast-path.int.test.ts`
 * sends the same requests both ways and compares them. A plain query goes to the prepared
 * queries first, which answer it without Apollo's pipeline (src/graph/prepared-queries.ts).
 *
 * It takes a request only when its headers alone say it is the plain case: POST to exactly
 * /graphql, `Content-Type: application/json` (charset UTF-8 or none), no content encoding, and
 * a body announced by Content-Length or Transfer-Encoding. Anything else (GET, other content
 * types or charsets, compressed bodies) goes to the Express chain untouched, before a byte of
 * its body is read.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { type ApolloServer, HeaderMap } from '@apollo/server';
import type { Store } from 'express-rate-limit';

import type { Principal } from '../auth/token.js';
import type { TokenStore } from '../auth/token-store.js';
import type { AppConfig } from '../config/config.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { RequestContext } from '../request/context.js';
import { BOOKMARK_HEADER, parseBookmarkHeader } from './bookmarks.js';
import type { PreparedQueries } from './prepared-queries.js';
import { bodyErrorOf, type Caller, graphqlBodyRefusal, identify, sendAppError, sendGraphQLError } from './http-guards.js';
import { requestRateLimit } from './rate-limit.js';

export interface FastPathDeps {
  config: AppConfig;
  apollo: ApolloServer<RequestContext>;
  /** Plain queries answered without Apollo's pipeline; every other request goes to Apollo. */
  prepared?: PreparedQueries;
  tokens: TokenStore;
  /** The /graphql rate-limit store the Express chain counts in too: one budget per client. */
  rateLimitStore: Store;
  /** The client address Express would see (`req.ip` under the app's "trust proxy"). */
  addressOf(req: IncomingMessage): string | undefined;
  createContext(options: { principal: Principal | null; bookmarks: string[] }): RequestContext;
  onUnexpected(error: unknown): void;
}

export interface FastPath {
  /** Whether this request is the plain case the fast path answers (decided from its headers). */
  takes(req: IncomingMessage): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** A request URL's path and its query string (with its "?"; empty when it has none). */
function splitUrl(url = ''): { path: string; search: string } {
  const at = url.indexOf('?');
  return at < 0 ? { path: url, search: '' } : { path: url.slice(0, at), search: url.slice(at) };
}

type BodyResult = { body: unknown } | { error: AppError };

/**
 * Reads and parses the body as body-parser's `json()` does: at most `limit` bytes (413 past
 * it, told by Content-Length before reading when it can be), UTF-8 without a byte-order mark,
 * strict (an object or an array; an empty body is `{}`). A refused body is still read to its
 * end, so the client, which is still sending it, gets the answer.
 */
function readJsonBody(req: IncomingMessage, config: AppConfig): Promise<BodyResult> {
  const limit = config.limits.maxBodyBytes;
  return new Promise((resolve) => {
    let settled = false;
    const settle = (result: BodyResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const refuse = (type: string, status?: number) => {
      const error = bodyErrorOf({ type, status }, config.limits);
      // Read off the rest of the request, then answer.
      req.removeAllListeners('data');
      if (req.readableEnded) settle({ error });
      else {
        req.on('end', () => settle({ error }));
        req.resume();
      }
    };
    const announced = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
    if (announced !== null && announced > limit) return refuse('entity.too.large', 413);
    const chunks: Buffer[] = [];
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) return refuse('entity.too.large', 413);
      chunks.push(chunk);
    });
    req.on('error', () => settle({ error: bodyErrorOf({ type: 'request.aborted', status: 400 }, config.limits) }));
    req.on('end', () => {
      if (settled) return;
      let text = Buffer.concat(chunks).toString('utf8');
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (text.length === 0) return settle({ body: {} });
      const first = text.trimStart()[0];
      if (first !== '{' && first !== '[') return settle({ error: bodyErrorOf({ type: 'entity.parse.failed', status: 400 }, config.limits) });
      try {
        settle({ body: JSON.parse(text) as unknown });
      } catch {
        settle({ error: bodyErrorOf({ type: 'entity.parse.failed', status: 400 }, config.limits) });
      }
    });
  });
}

export function graphqlFastPath(deps: FastPathDeps): FastPath {
  const { config, apollo, tokens } = deps;
  const chargeRateLimit = config.rateLimit.enabled ? requestRateLimit(config.rateLimit, deps.rateLimitStore) : null;

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // What no cache may keep: an answer depends on the caller's token.
    res.setHeader('Cache-Control', 'no-store');

    // The caller: a token that verifies, or anonymous (as identifyCaller in http-guards.ts).
    let caller: Caller;
    try {
      caller = (await identify(tokens, req.headers.authorization)).caller;
    } catch (error) {
      return sendAppError(res, error as AppError);
    }
    const principal = caller.principal ?? null;

    if (chargeRateLimit) {
      const charge = await chargeRateLimit(principal, deps.addressOf(req));
      for (const [name, value] of charge.headers) res.appendHeader(name, value);
      if (charge.refusal) {
        const { message, retryAfterSeconds } = charge.refusal;
        return sendAppError(res, new AppError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds }));
      }
    }

    if (caller.invalidToken !== undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return sendAppError(res, new AppError(ErrorCode.UNAUTHENTICATED, caller.invalidToken));
    }

    const read = await readJsonBody(req, config);
    if ('error' in read) return sendAppError(res, read.error);
    const { body } = read;
    const refusal = graphqlBodyRefusal(body, (body as Record<string, unknown> | null)?.['query'], config.limits);
    if (refusal) return sendAppError(res, refusal);

    const newContext = () => deps.createContext({ principal, bookmarks: parseBookmarkHeader(req.headers[BOOKMARK_HEADER]) });
    const outcome = deps.prepared ? await deps.prepared.answer(body, req.headers.accept, newContext) : undefined;
    if (outcome?.kind === 'answer') {
      res.statusCode = outcome.status;
      res.setHeader('content-type', outcome.contentType);
      res.setHeader('Content-Length', Buffer.byteLength(outcome.body));
      res.end(outcome.body);
      return;
    }
    // A request the prepared path ran (refused, or with errors to format) keeps its context.
    const context = outcome?.context;

    // As @as-integrations/express5 hands a request to Apollo, without Express in between.
    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: splitUrl(req.url).search, body },
      context: async () => context ?? newContext(),
    });
    for (const [name, value] of response.headers) res.setHeader(name, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      res.setHeader('Content-Length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }

  return {
    takes(req) {
      if (req.method !== 'POST' || splitUrl(req.url).path !== '/graphql') return false;
      const encoding = req.headers['content-encoding'];
      if (encoding !== undefined && encoding.toLowerCase() !== 'identity') return false;
      // No announced body: the Express chain answers that ("The request has no body").
      if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return false;
      return JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '');
    },
    handle(req, res) {
      answer(req, res).catch((error: unknown) => {
        // As the Express chain's last-resort handler: a coded JSON error, never a stack trace.
        deps.onUnexpected(error);
        if (res.headersSent) {
          res.destroy();
          return;
        }
        sendGraphQLError(res, ErrorCode.INTERNAL_SERVER_ERROR, 'Internal server error', {}, 500);
      });
    },
  };
}

/** The app's HTTP handler: the requests the fast path takes go to it, every other to `fallback` (the Express app). */
export function withFastPath(
  fastPath: FastPath,
  fallback: (req: IncomingMessage, res: ServerResponse) => void,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => (fastPath.takes(req) ? fastPath.handle(req, res) : fallback(req, res));
}
