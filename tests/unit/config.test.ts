import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('loadConfig', () => {
  it('has working defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.neo4j.uri).toBe('bolt://127.0.0.1:7687');
    expect(config.neo4j.database).toBe('neo4j');
    expect(config.introspection).toBe(true);
    expect(config.development).toBe(false);
  });

  it('takes a remote Neo4j from the environment', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_USER: 'u', NEO4J_PASSWORD: 'p', NEO4J_DATABASE: 'talks' });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'u', password: 'p', database: 'talks' });
  });

  it.each([
    ['PORT', 'eighty', /PORT must be a whole number/],
    ['NEO4J_URI', 'http://localhost:7474', /NEO4J_URI must be a Neo4j URI/],
    ['DEV_ERRORS', 'maybe', /DEV_ERRORS must be true or false/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['NEO4J_TRANSACTION_TIMEOUT_MS', '5', /NEO4J_TRANSACTION_TIMEOUT_MS must be a whole number from 100/],
  ])('refuses a bad %s with a message naming it', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });
});

describe('request limits and rate limit', () => {
  it('have defaults that hold a service up under abuse', () => {
    const config = loadConfig({});
    expect(config.limits).toMatchObject({
      maxBodyBytes: 1_048_576,
      maxJsonDepth: 64,
      maxTokens: 10_000,
      maxFields: 2_000,
      maxMutationFields: 20,
      requestTimeoutMs: 30_000,
    });
    expect(config.rateLimit).toMatchObject({ enabled: true, windowMs: 60_000, anonymousMax: 300, tokenMax: 1_200, trustProxy: false });
  });

  it.each([
    ['GRAPHQL_MAX_TOKENS', '10'],
    ['GRAPHQL_MAX_JSON_DEPTH', '100000'],
    ['RATE_LIMIT_ENABLED', 'sometimes'],
    ['RATE_LIMIT_ANONYMOUS_MAX', '0'],
  ])('refuses a bad %s, naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
