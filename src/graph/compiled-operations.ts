/**
 * How the service executes an operation: with graphql-js the first time a document comes, and
 * from its `compileAfter`-th request on with a function graphql-jit compiled for that document
 * (and operation name) once. Clients send the same few documents over and over with other
 * variables; graphql-js walks a document's selections, builds a resolve-info object and checks
 * types for every field of every answer, where the compiled function only calls the resolvers
 * and completes their values. Measured in one process with the database's answers held fixed
 * (the README's Performance section): the actor with three lists of 25 executes in 0.42 ms
 * instead of 0.68, the stance table's page in 0.30 instead of 0.68. The resolvers are the
 * same; so are the answers (tests/integration/prepared-queries.int.test.ts compares them).
 *
 * Apollo runs this executor through its `gateway` option, the place Apollo Server 4 and later
 * take a custom executor (its migration guide, "executor"); the /graphql fast path calls it
 * directly for the queries it answers without Apollo's pipeline (src/graph/prepared-queries.ts).
 *
 * A document the compiler refuses runs on graphql-js. Compiled functions are kept per document
 * object (a WeakMap), so they go when Apollo's document store or the prepared queries drop it,
 * and at most MAX_KEPT_COMPILED_FIELDS fields' worth of them at once.
 */
import { createRequire } from 'node:module';

import type { GatewayExecutor, GatewayInterface } from '@apollo/server-gateway-interface';
import {
  type ConstValueNode,
  type DocumentNode,
  execute,
  type ExecutionResult,
  getOperationAST,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import type * as GraphqlJit from 'graphql-jit';

import type { Logger } from '../logging/logger.js';
import { measureOperation } from './operation-size.js';

// graphql-jit's ESM build imports graphql's .mjs files, while the service uses graphql's
// CommonJS build (two copies of graphql refuse each other's schemas): load its CommonJS build,
// as limits.ts does for graphql-query-complexity.
const { compileQuery, isCompiledQuery } = createRequire(import.meta.url)('graphql-jit') as typeof GraphqlJit;

/** Documents of more fields than this (every fragment expanded) are not compiled; see `compile`. */
export const MAX_COMPILED_FIELDS = 300;

/**
 * Fields of all compiled operations kept at once. A compiled function holds about 6 kB per
 * field (generated code and closures: 1.4 MB for a document of 250 fields, measured with
 * `--expose-gc`), so a client sending many distinct large documents could otherwise fill the
 * heap. 10,000 fields is about 60 MB: hundreds of usual queries of a few dozen fields. Past
 * it, the operation compiled or run longest ago is dropped (it compiles again if it recurs).
 */
export const MAX_KEPT_COMPILED_FIELDS = 10_000;

export interface OperationToRun {
  document: DocumentNode;
  operationName?: string | null | undefined;
  contextValue: object;
  variableValues?: Record<string, unknown> | null | undefined;
}

type CompiledRun = (context: object, variables: Record<string, unknown> | null | undefined) => Promise<ExecutionResult> | ExecutionResult;

/** What is known of one document and operation name: how often it ran, and its compiled function once there is one. */
interface Seen {
  runs: number;
  /** null: the compiler refused it; it stays on graphql-js. */
  compiled?: CompiledRun | null;
  /** Its fields (fragments expanded), once measured. */
  fields?: number;
}

/** A result computed before Apollo's pipeline ran (the fast path's, when it has errors to format): Apollo's executor returns it. */
export interface ExecutedAhead {
  result: ExecutionResult;
}

interface CarriesAhead {
  executedAhead?: ExecutedAhead;
}

/**
 * Defaults of the operation's non-null variables (`$text: String! = "ceasefire"`). graphql-jit
 * 0.8 reports such a variable as "not provided" when the request leaves it out, where the
 * specification (and graphql-js) take its default; the compiled function is given the default
 * as a client would send it.
 */
function requiredDefaults(operation: OperationDefinitionNode): Array<[string, unknown]> {
  return (operation.variableDefinitions ?? [])
    .filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE && definition.defaultValue !== undefined)
    .map((definition) => [definition.variable.name.value, valueFromASTUntyped(definition.defaultValue as ConstValueNode)]);
}

function withDefaults(variables: Record<string, unknown>, defaults: Array<[string, unknown]>): Record<string, unknown> {
  const missing = defaults.filter(([name]) => variables[name] === undefined);
  return missing.length === 0 ? variables : { ...variables, ...Object.fromEntries(missing) };
}

/**
 * Whether a document selects introspection fields (`__schema`, `__type`; `__typename` is not
 * one). Those run on graphql-js through Apollo, which also checks them against
 * GRAPHQL_INTROSPECTION: the playground asks for the schema once, nothing to compile.
 */
export function asksIntrospection(document: DocumentNode): boolean {
  let asks = false;
  visit(document, {
    Field(node) {
      if (node.name.value.startsWith('__') && node.name.value !== '__typename') asks = true;
    },
  });
  return asks;
}

export class CompiledOperations {
  private readonly seen = new WeakMap<DocumentNode, Map<string, Seen>>();
  /** The compiled operations kept, least recently run first, and their fields in all. */
  private readonly kept = new Set<Seen>();
  private keptFields = 0;
  /** Documents (and operation names) compiled so far: what the tests check. */
  compiledCount = 0;

  /**
   * @param compileAfter the request of a document from which on it runs compiled (1: from the
   *   first; 0: never, graphql-js only).
   */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly compileAfter: number,
    private readonly logger: Logger,
    private readonly maxKeptFields = MAX_KEPT_COMPILED_FIELDS,
  ) {}

  /** Fields of the compiled operations kept now (at most `maxKeptFields`). */
  get compiledFieldsKept(): number {
    return this.keptFields;
  }

  /** Executes an operation, compiled when its document has come often enough. */
  run(operation: OperationToRun): Promise<ExecutionResult> | ExecutionResult {
    const compiled = this.compiledFor(operation.document, operation.operationName);
    if (compiled) return compiled(operation.contextValue, operation.variableValues);
    return execute({
      schema: this.schema,
      document: operation.document,
      operationName: operation.operationName,
      contextValue: operation.contextValue,
      variableValues: operation.variableValues,
    });
  }

  /**
   * Apollo's executor: a result the fast path computed ahead (carried on the context) is
   * returned as it is, so Apollo formats its errors and sets its status exactly as for any
   * other; every other operation runs here.
   */
  apolloGateway(): GatewayInterface {
    const executor: GatewayExecutor = async (request) => {
      const context = request.context as CarriesAhead;
      const ahead = context.executedAhead;
      if (ahead) {
        context.executedAhead = undefined;
        return ahead.result;
      }
      // The operation name the client sent (the context's own `operationName` is the name of the operation Apollo resolved, null when none).
      const { operationName, variables } = request.request;
      return this.run({ document: request.document, operationName, contextValue: request.context, variableValues: variables });
    };
    const schema = this.schema;
    return {
      async load() {
        return { schema, executor };
      },
      onSchemaLoadOrUpdate(callback) {
        callback({ apiSchema: schema, coreSupergraphSdl: '' });
        return () => undefined;
      },
      async stop() {},
    };
  }

  private compiledFor(document: DocumentNode, operationName: string | null | undefined): CompiledRun | null {
    if (this.compileAfter === 0) return null;
    let byName = this.seen.get(document);
    if (!byName) {
      byName = new Map();
      this.seen.set(document, byName);
    }
    const key = operationName ?? '';
    let seen = byName.get(key);
    if (!seen) {
      seen = { runs: 0 };
      byName.set(key, seen);
    }
    if (seen.compiled) {
      // Most recently run last.
      this.kept.delete(seen);
      this.kept.add(seen);
      return seen.compiled;
    }
    if (seen.compiled === null) return null;
    seen.runs += 1;
    if (seen.runs < this.compileAfter) return null;
    seen.compiled = this.compile(document, operationName, seen);
    if (seen.compiled) this.keep(seen);
    return seen.compiled ?? null;
  }

  private keep(seen: Seen): void {
    this.kept.add(seen);
    this.keptFields += seen.fields ?? 0;
    for (const oldest of this.kept) {
      if (this.keptFields <= this.maxKeptFields) break;
      this.kept.delete(oldest);
      this.keptFields -= oldest.fields ?? 0;
      oldest.compiled = undefined;
      oldest.runs = 0;
    }
  }

  private compile(document: DocumentNode, operationName: string | null | undefined, seen: Seen): CompiledRun | null {
    const operation = getOperationAST(document, operationName);
    // Not one operation to run (an unknown name, several without one): graphql-js says so.
    if (!operation) return null;
    // Compiling blocks the event loop for about 0.1–0.2 ms per field (fragments expanded): a
    // client's usual query of a few dozen fields compiles in a few milliseconds, once; larger
    // documents run on graphql-js, so no compile takes more than about 50 ms.
    seen.fields = measureOperation(document, operationName).expandedFields;
    if (seen.fields > MAX_COMPILED_FIELDS || asksIntrospection(document)) return null;
    try {
      const compiled = compileQuery(this.schema, document, operationName ?? undefined);
      if (!isCompiledQuery(compiled)) return null;
      this.compiledCount += 1;
      const defaults = requiredDefaults(operation);
      if (defaults.length === 0) return (context, variables) => compiled.query(undefined, context, variables ?? {});
      return (context, variables) => compiled.query(undefined, context, withDefaults(variables ?? {}, defaults));
    } catch (error) {
      // A shape the compiler does not handle: graphql-js answers it, as before.
      this.logger.warn('graphql: operation not compiled; graphql-js runs it', { error: error instanceof Error ? error.message : String(error) });
      return null;
    }
  }
}
