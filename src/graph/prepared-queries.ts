/**
 * Queries the /graphql fast path answers without Apollo's request pipeline. Per request, that
 * pipeline hashes the document (SHA-256) to find it in its store, starts seven plugins'
 * listeners and awaits each of their hooks, negotiates the media type twice and copies the
 * headers: for the actor with its three lists, 0.3 ms of the service's CPU per request (2.6 →
 * 2.3 ms, raw Cypher's whole request 1.0), measured side by side (README, Performance).
 *
 * Here a query's document is parsed and validated once, kept by its text, and each request
 * runs the same checks Apollo's plugins run (the token, READS_REQUIRE_TOKEN, the operation's
 * size, depth, cost and variables: `checkOperation`), the same response budget and deadline,
 * the same executor (src/graph/compiled-operations.ts), and writes the same answer, with the
 * same log line.
 *
 * Only the plain case comes here: a `query` operation, parsed and valid, without introspection
 * fields, a JSON body of `query`, `variables` and `operationName` only, and an Accept header
 * that asks for JSON as Apollo reads it. Everything else goes to Apollo untouched, and so does
 * a request whose checks refuse it (Apollo refuses it again, with its own answer). A request
 * whose execution has errors goes to Apollo with its result, which Apollo's executor returns as
 * it is: errors are formatted, logged and given their HTTP status in one place, and nothing runs
 * twice. `tests/integration/prepared-queries.int.test.ts` sends the same requests here and to
 * Apollo alone and compares the answers.
 */
import { type DocumentNode, getOperationAST, GraphQLError, type OperationDefinitionNode, parse, validate } from 'graphql';
import Negotiator from 'negotiator';

import type { AppConfig } from '../config/config.js';
import type { RequestContext } from '../request/context.js';
import { formatBookmarks } from './bookmarks.js';
import { asksIntrospection, type CompiledOperations } from './compiled-operations.js';
import type { OperationToCheck } from './operation-size.js';
import { logGraphQLRequest } from './request-log.js';
import { ResponseBudget } from './response-budget.js';
import type { Logger } from '../logging/logger.js';
import { isRecord } from '../shared/row-values.js';

/** A query ready to run: its document and operation, parsed and validated once. */
export interface PreparedQuery {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName: string | undefined;
}

/** A body of the plain case: what a GraphQL client sends. */
interface PlainBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

export interface PreparedQueriesDeps {
  config: AppConfig;
  operations: CompiledOperations;
  schema: Parameters<typeof validate>[0];
  logger: Logger;
  /** The token and READS_REQUIRE_TOKEN, as Apollo's access plugin checks them; throws a refusal. */
  checkAccess(context: RequestContext, operation: OperationDefinitionNode): Promise<void>;
  /** The operation's limits, as Apollo's query-limits plugin checks them; throws a refusal. */
  checkOperation(request: OperationToCheck): void;
}

/** What the fast path does with a request: write this answer, or hand it to Apollo (with a result computed ahead, or none). */
export type PreparedOutcome = { kind: 'answer'; status: number; contentType: string; body: string } | { kind: 'apollo'; context: RequestContext | undefined };

// Documents kept by their text: at most this many, and this many bytes of text in all (a
// parsed document takes several times its text). Least recently used go first.
const MAX_DOCUMENTS = 1_000;
const MAX_DOCUMENT_TEXT_BYTES = 1_000_000;

// Apollo's MEDIA_TYPES, in the order it offers them for a single answer.
const JSON_TYPE = 'application/json; charset=utf-8';
const MEDIA_TYPES = [JSON_TYPE, 'application/graphql-response+json; charset=utf-8', 'application/json; callbackSpec=1.0; charset=utf-8'];

function plainBody(body: unknown): PlainBody | undefined {
  if (!isRecord(body) || typeof body['query'] !== 'string' || body['query'] === '') return undefined;
  for (const key of Object.keys(body)) if (key !== 'query' && key !== 'variables' && key !== 'operationName') return undefined;
  const { variables, operationName } = body;
  if (variables !== undefined && variables !== null && !isRecord(variables)) return undefined;
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return undefined;
  return body as unknown as PlainBody;
}

/**
 * The answer's media type, as Apollo chooses it (`chooseContentTypeForSingleResultResponse`):
 * JSON without an Accept header, else the first of JSON, GraphQL-response JSON and Apollo's
 * callback type the header prefers; undefined when it accepts none (Apollo answers 406).
 */
export function answerMediaType(accept: string | undefined): string | undefined {
  if (!accept) return JSON_TYPE;
  return new Negotiator({ headers: { accept } }).mediaType(MEDIA_TYPES) ?? undefined;
}

export class PreparedQueries {
  /** By operation name and text; null: not the plain case (a syntax error, invalid, not a query, ...). */
  private readonly known = new Map<string, PreparedQuery | null>();
  private textBytes = 0;
  /** Requests answered here, and handed to Apollo with a result: what the tests check. */
  readonly counts = { answered: 0, withErrors: 0 };

  constructor(private readonly deps: PreparedQueriesDeps) {}

  /**
   * Runs a request of the plain case; any other is Apollo's. `createContext` is called only
   * for a request this path runs.
   */
  async answer(body: unknown, accept: string | undefined, createContext: () => RequestContext): Promise<PreparedOutcome> {
    const plain = plainBody(body);
    const contentType = plain && answerMediaType(accept);
    const query = plain && contentType ? this.prepared(plain) : null;
    if (!plain || !contentType || !query) return { kind: 'apollo', context: undefined };

    const { config, operations, logger } = this.deps;
    const started = performance.now();
    let context: RequestContext;
    try {
      context = createContext();
    } catch {
      // A bad Bookmark header: Apollo's context creation fails the same way and answers it.
      return { kind: 'apollo', context: undefined };
    }
    const variables = plain.variables ?? undefined;
    try {
      await this.deps.checkAccess(context, query.operation);
      this.deps.checkOperation({
        document: query.document,
        schema: this.deps.schema,
        operationName: query.operationName,
        operation: query.operation,
        variables,
      });
    } catch {
      // Refused: Apollo runs the same checks and answers the refusal its way.
      return { kind: 'apollo', context };
    }
    const budget = new ResponseBudget(config.limits, Date.now() + config.limits.requestTimeoutMs);
    context.responseBudget = budget;
    const result = await operations.run({ document: query.document, operationName: query.operationName, contextValue: context, variableValues: variables });
    if (result.errors?.length || budget.refusal || result.data === undefined) {
      this.counts.withErrors += 1;
      context.executedAhead = { result };
      return { kind: 'apollo', context };
    }
    void context.reader.close();
    // A query does not write; should one ever, its answer carries the bookmark as Apollo's would.
    const bookmarks = await context.executor.bookmarksAfterWrites();
    const extensions = bookmarks?.length ? { bookmark: formatBookmarks(bookmarks) } : undefined;
    logGraphQLRequest(logger, { operationName: query.operation.name?.value ?? null, operation: query.operation, errors: undefined, started });
    this.counts.answered += 1;
    return { kind: 'answer', status: 200, contentType, body: `${JSON.stringify({ data: result.data, extensions })}\n` };
  }

  /** The prepared query for a body's text and operation name, parsed and validated the first time. */
  private prepared(body: PlainBody): PreparedQuery | null {
    const key = `${body.operationName ?? ''}\n${body.query}`;
    const known = this.known.get(key);
    if (known !== undefined) {
      // Most recently used last.
      this.known.delete(key);
      this.known.set(key, known);
      return known;
    }
    const prepared = this.prepare(body.query, body.operationName ?? undefined);
    this.known.set(key, prepared);
    this.textBytes += key.length;
    for (const [oldest] of this.known) {
      if (this.known.size <= MAX_DOCUMENTS && this.textBytes <= MAX_DOCUMENT_TEXT_BYTES) break;
      this.known.delete(oldest);
      this.textBytes -= oldest.length;
    }
    return prepared;
  }

  private prepare(query: string, operationName: string | undefined): PreparedQuery | null {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.deps.config.limits.maxTokens });
    } catch (error) {
      if (error instanceof GraphQLError) return null;
      throw error;
    }
    if (validate(this.deps.schema, document).length > 0 || asksIntrospection(document)) return null;
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== 'query') return null;
    return { document, operation, operationName };
  }
}
