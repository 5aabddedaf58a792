/**
 * One set of error codes for everything a client can see, and one error class that always
 * sets `extensions.code`. Anything else is turned into INTERNAL_SERVER_ERROR by
 * `normalizeError`, so no stack trace or Cypher reaches a client.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  /** The HTTP request itself is unusable: malformed JSON, wrong content type or charset. */
  BAD_REQUEST = 'BAD_REQUEST',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** The answer would pass the response bound (fields or bytes); ask for less. */
  RESULT_TOO_LARGE = 'RESULT_TOO_LARGE',
  QUERY_TIMEOUT = 'QUERY_TIMEOUT',
  RATE_LIMITED = 'RATE_LIMITED',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export class AppError extends GraphQLError {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
    this.code = code;
    this.name = 'AppError';
  }
}

/** A bad argument or input field; `argument` names it, in the message and the extensions. */
export function badUserInput(argument: string, problem: string): AppError {
  return new AppError(ErrorCode.BAD_USER_INPUT, `Argument "${argument}" ${problem}`, { argument });
}

/** HTTP status that goes with an error code, for the REST routes (exports, health). */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.BAD_REQUEST:
      return 400;
    case ErrorCode.PAYLOAD_TOO_LARGE:
      return 413;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.QUERY_TOO_COMPLEX:
    case ErrorCode.RESULT_TOO_LARGE:
      return 400;
    case ErrorCode.RATE_LIMITED:
      return 429;
    case ErrorCode.QUERY_TIMEOUT:
      return 504;
    case ErrorCode.DATABASE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}

/** Codes that graphql-js and Apollo themselves set on errors that are safe to show. */
const PASS_THROUGH_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

/** A request-level GraphQLError (no resolver, no cause) that carries a 4xx status and no code. */
function isRefusedRequest(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.path || error.extensions['code'] !== undefined) return false;
  const status = (error.extensions['http'] as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/**
 * Apollo `formatError`: keeps our codes and graphql-js validation errors, hides everything
 * else behind INTERNAL_SERVER_ERROR. `development` keeps the stack for local debugging.
 */
export function normalizeError(formatted: GraphQLFormattedError, original: unknown, development: boolean): GraphQLFormattedError {
  const cause = original instanceof GraphQLError ? (original.originalError ?? original) : original;
  const { stacktrace, ...extensions } = formatted.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : undefined;
  if (isRefusedRequest(original)) {
    // Apollo refuses some requests with a 4xx status but no code (a persisted-query hash that
    // does not match its query, an unsupported persisted-query version): client errors.
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  // Errors we raised on purpose, and the request errors graphql-js and Apollo raise (parse,
  // validation, variable coercion), are meant for clients; their messages are safe.
  const intended =
    cause instanceof AppError ||
    (code !== undefined && PASS_THROUGH_CODES.has(code)) ||
    (cause instanceof GraphQLError && code !== undefined && KNOWN_CODES.has(code));
  if (intended) {
    return { ...formatted, extensions: development ? { ...extensions, stacktrace } : extensions };
  }
  // Anything else is a bug or an unexpected failure: say so without leaking its details.
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: development
      ? { code: ErrorCode.INTERNAL_SERVER_ERROR, originalMessage: formatted.message, stacktrace }
      : { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
