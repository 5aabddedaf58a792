import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';

import { mapNeo4jCode } from '../../src/db/neo4j-errors.js';
import { AppError, ErrorCode, badUserInput, httpStatusOf, normalizeError } from '../../src/errors/errors.js';

const wrap = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] } });

describe('normalizeError', () => {
  it('keeps the code and message of errors raised on purpose', () => {
    const error = badUserInput('page.limit', 'must be between 1 and 200, got 500');
    const formatted = normalizeError(
      { message: error.message, extensions: { code: 'BAD_USER_INPUT', argument: 'page.limit' } },
      new GraphQLError(error.message, { originalError: error }),
      false,
    );
    expect(formatted.message).toBe('Argument "page.limit" must be between 1 and 200, got 500');
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: 'page.limit' });
  });

  it('hides unexpected errors behind INTERNAL_SERVER_ERROR, with no stack or Cypher', () => {
    const error = wrap(new Error('Invalid input near MATCH (a:Actor) RETURN'));
    const formatted = normalizeError({ message: error.message, extensions: error.extensions }, error, false);
    expect(formatted).toEqual({ message: 'Internal server error', locations: undefined, path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  });

  it('shows the cause in development mode only', () => {
    const error = wrap(new Error('boom'));
    const formatted = normalizeError({ message: error.message, extensions: error.extensions }, error, true);
    expect(formatted.extensions).toMatchObject({ code: 'INTERNAL_SERVER_ERROR', originalMessage: 'boom' });
  });

  it('passes graphql-js validation errors through without their stack', () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    const formatted = normalizeError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['x'] } }, error, false);
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});

describe('httpStatusOf', () => {
  it('maps every code to a status', () => {
    for (const code of Object.values(ErrorCode)) expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
    expect(httpStatusOf(ErrorCode.DATABASE_UNAVAILABLE)).toBe(503);
    expect(new AppError(ErrorCode.NOT_FOUND, 'x').extensions['code']).toBe('NOT_FOUND');
  });
});

describe('request refusals Apollo raises without a code', () => {
  it('a persisted-query hash that does not match its query is BAD_REQUEST, not an internal error', () => {
    const error = new GraphQLError('provided sha does not match query', { extensions: { http: { status: 400 } } });
    const formatted = normalizeError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, false);
    expect(formatted).toEqual({ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } });
  });

  it('an unexpected error stays internal even when it carries a status', () => {
    const error = new GraphQLError('boom', { originalError: new Error('boom'), extensions: { http: { status: 400 } } });
    expect(normalizeError({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error, false).extensions).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
    });
  });
});

describe('mapNeo4jCode', () => {
  it.each([
    ['N/A', 'DATABASE_UNAVAILABLE'],
    ['ServiceUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Neo.TransientError.General.DatabaseUnavailable', 'DATABASE_UNAVAILABLE'],
    ['Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration', 'QUERY_TIMEOUT'],
    ['Neo.ClientError.Schema.ConstraintValidationFailed', 'CONFLICT'],
    ['Neo.ClientError.Statement.SyntaxError', undefined],
  ])('maps the driver code %s to %s', (neo4jCode, code) => {
    expect(mapNeo4jCode(neo4jCode)).toBe(code);
  });
});
