/**
 * Configuration from the environment, validated once at start. An invalid value stops the
 * service with a message that names the variable, rather than failing later at first use.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { DEFAULT_LOCAL_PASSWORD, PROJECT_ROOT } from './paths.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface AppConfig {
  port: number;
  host: string;
  neo4j: {
    uri: string;
    user: string;
    password: string;
    database: string;
    /** Bound on every transaction the service runs, so no query holds a request forever. */
    transactionTimeoutMs: number;
    /** How long a request waits for a connection before it fails with DATABASE_UNAVAILABLE. */
    connectionTimeoutMs: number;
  };
  /** Development mode shows stack traces in GraphQL errors; never enable it in production. */
  development: boolean;
  introspection: boolean;
  /**
   * From which request of a document on it runs as a function compiled for it (graphql-jit)
   * rather than through graphql-js: 1 from the first, 0 never (src/graph/compiled-operations.ts).
   */
  compileAfter: number;
  /** Load the seed dataset at start when the database holds no data. */
  seedOnEmpty: boolean;
  logLevel: LogLevel;
  /** Limits that refuse abusive GraphQL operations before they reach the database. */
  limits: RequestLimits;
  /** Requests per client and window on /graphql and /export (README "Operating"). */
  rateLimit: RateLimitConfig;
  /** Subscriptions follow the audit log in Neo4j; how often each replica polls it. */
  subscriptions: { pollIntervalMs: number };
  /** API tokens (see src/auth): hashes in Neo4j; whether reads need one. */
  auth: {
    readsRequireToken: boolean;
    /** A JSON file of hashed tokens from before tokens moved into Neo4j: moved there once, then renamed. */
    tokensFile: string;
    /** AUTH_TOKENS: a JSON array of hashed token entries, read-only; null when unset. */
    tokensJson: string | null;
  };
}

/** Bounds on one GraphQL request, cheapest first (README "Operating" lists them). */
export interface RequestLimits {
  /** Bytes of a request body (JSON) on /graphql. */
  maxBodyBytes: number;
  /** Nesting of the JSON body and of any JSON argument (objects and arrays). */
  maxJsonDepth: number;
  /** Bytes of the GraphQL document (the `query` text). */
  maxDocumentBytes: number;
  /** Lexical tokens of the GraphQL document. */
  maxTokens: number;
  /** Fragment definitions in the GraphQL document. */
  maxFragments: number;
  /** Field selections with every fragment spread expanded. */
  maxFields: number;
  maxDepth: number;
  maxComplexity: number;
  /** Mutation fields (writes) in one request. */
  maxMutationFields: number;
  /** Field values in one response. */
  maxResponseFields: number;
  /** Approximate bytes of one response. */
  maxResponseBytes: number;
  /** Wall time of one request, from arrival to the last field resolved. */
  requestTimeoutMs: number;
  /** Database transactions one request may have in flight at once; the rest wait their turn. */
  maxParallelQueries: number;
}

export interface RateLimitConfig {
  enabled: boolean;
  windowMs: number;
  /** Requests per window for one anonymous client address. */
  anonymousMax: number;
  /** Requests per window for one API token. */
  tokenMax: number;
  /** Express "trust proxy": which X-Forwarded-For hops to believe for the client address. */
  trustProxy: string | false;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Loads `.env` from the project root into process.env (existing variables win). */
export function loadDotEnv(): void {
  const file = join(PROJECT_ROOT, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

type Env = Record<string, string | undefined>;

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function readUri(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (!/^(neo4j|bolt)(\+s|\+ssc)?:\/\/[^\s/]+/.test(raw)) {
    throw new ConfigError(`${name} must be a Neo4j URI such as bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io, got "${raw}"`);
  }
  return raw;
}

const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

export function loadConfig(env: Env = process.env): AppConfig {
  const logLevel = (env['LOG_LEVEL'] ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${env['LOG_LEVEL']}"`);
  }
  const localPort = readInteger(env, 'NEO4J_LOCAL_PORT', 7687, 1, 65535);
  return {
    port: readInteger(env, 'PORT', 4000, 0, 65535),
    host: env['HOST'] || '0.0.0.0',
    neo4j: {
      uri: readUri(env, 'NEO4J_URI', `bolt://127.0.0.1:${localPort}`),
      user: env['NEO4J_USER'] || 'neo4j',
      password: env['NEO4J_PASSWORD'] || DEFAULT_LOCAL_PASSWORD,
      database: env['NEO4J_DATABASE'] || 'neo4j',
      transactionTimeoutMs: readInteger(env, 'NEO4J_TRANSACTION_TIMEOUT_MS', 15_000, 100, 600_000),
      connectionTimeoutMs: readInteger(env, 'NEO4J_CONNECTION_TIMEOUT_MS', 5_000, 100, 120_000),
    },
    development: readBoolean(env, 'DEV_ERRORS', false),
    introspection: readBoolean(env, 'GRAPHQL_INTROSPECTION', true),
    compileAfter: readInteger(env, 'GRAPHQL_COMPILE_AFTER', 2, 0, 1_000),
    seedOnEmpty: readBoolean(env, 'SEED_ON_EMPTY', true),
    logLevel,
    limits: {
      maxBodyBytes: readInteger(env, 'GRAPHQL_MAX_BODY_BYTES', 1_048_576, 1_024, 104_857_600),
      maxJsonDepth: readInteger(env, 'GRAPHQL_MAX_JSON_DEPTH', 64, 8, 1_000),
      maxDocumentBytes: readInteger(env, 'GRAPHQL_MAX_DOCUMENT_BYTES', 100_000, 1_000, 10_485_760),
      maxTokens: readInteger(env, 'GRAPHQL_MAX_TOKENS', 10_000, 100, 1_000_000),
      maxFragments: readInteger(env, 'GRAPHQL_MAX_FRAGMENTS', 100, 1, 100_000),
      maxFields: readInteger(env, 'GRAPHQL_MAX_FIELDS', 2_000, 10, 1_000_000),
      maxDepth: readInteger(env, 'GRAPHQL_MAX_DEPTH', 10, 2, 100),
      maxComplexity: readInteger(env, 'GRAPHQL_MAX_COMPLEXITY', 20_000, 10, 1_000_000),
      maxMutationFields: readInteger(env, 'GRAPHQL_MAX_MUTATION_FIELDS', 20, 1, 10_000),
      maxResponseFields: readInteger(env, 'GRAPHQL_MAX_RESPONSE_FIELDS', 200_000, 10, 100_000_000),
      maxResponseBytes: readInteger(env, 'GRAPHQL_MAX_RESPONSE_BYTES', 20_971_520, 1_024, 1_073_741_824),
      requestTimeoutMs: readInteger(env, 'GRAPHQL_REQUEST_TIMEOUT_MS', 30_000, 1, 600_000),
      maxParallelQueries: readInteger(env, 'GRAPHQL_MAX_PARALLEL_QUERIES', 8, 1, 100),
    },
    rateLimit: {
      enabled: readBoolean(env, 'RATE_LIMIT_ENABLED', true),
      windowMs: readInteger(env, 'RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 86_400_000),
      anonymousMax: readInteger(env, 'RATE_LIMIT_ANONYMOUS_MAX', 300, 1, 10_000_000),
      tokenMax: readInteger(env, 'RATE_LIMIT_TOKEN_MAX', 1_200, 1, 10_000_000),
      trustProxy: env['TRUST_PROXY'] || false,
    },
    subscriptions: { pollIntervalMs: readInteger(env, 'SUBSCRIPTION_POLL_MS', 1000, 100, 10_000) },
    auth: {
      readsRequireToken: readBoolean(env, 'READS_REQUIRE_TOKEN', false),
      tokensFile: resolve(PROJECT_ROOT, env['AUTH_TOKENS_FILE'] || join('.data', 'tokens.json')),
      tokensJson: env['AUTH_TOKENS'] || null,
    },
  };
}
