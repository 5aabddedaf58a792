/**
 * A write transaction that is always rolled back, for measurements that need a large graph no
 * one else may see: the scale test builds its generated graphs in one, profiles the read
 * queries there, and leaves the shared test database as it found it.
 */
import type { ProfiledPlan, Session } from 'neo4j-driver';

import { cypherText } from './cypher-files.js';
import type { Params, Row } from './executor.js';

export interface ExperimentScope {
  run(queryName: string, params?: Params): Promise<Row[]>;
  /** Runs a statement given as text: for tests that build a small graph of their own in the experiment. */
  runText(statement: string, params?: Params): Promise<Row[]>;
  /** Runs a named query under PROFILE: its rows and the db hits of its whole plan. */
  profile(queryName: string, params?: Params): Promise<{ rows: Row[]; dbHits: number; operators: string[] }>;
  /** The profiled plan as indented text (operator, db hits, rows), for finding where hits go. */
  explainProfile(queryName: string, params?: Params): Promise<string>;
}

export async function runExperiment<T>(
  session: Session,
  convert: { toParams(params: Params): Params; toRow(record: Record<string, unknown>): Row },
  work: (scope: ExperimentScope) => Promise<T>,
): Promise<T> {
  const tx = await session.beginTransaction({ metadata: { app: 'negotiation-graph', query: 'experiment' } });
  try {
    return await work({
      run: async (name, params = {}) => (await tx.run(cypherText(name), convert.toParams(params))).records.map((r) => convert.toRow(r.toObject())),
      runText: async (statement, params = {}) => (await tx.run(statement, convert.toParams(params))).records.map((r) => convert.toRow(r.toObject())),
      profile: async (name, params = {}) => {
        const result = await tx.run(`PROFILE ${cypherText(name)}`, convert.toParams(params));
        const plan = result.summary.profile;
        return { rows: result.records.map((r) => convert.toRow(r.toObject())), dbHits: plan ? totalDbHits(plan) : 0, operators: plan ? operatorsOf(plan) : [] };
      },
      explainProfile: async (name, params = {}) => {
        const plan = (await tx.run(`PROFILE ${cypherText(name)}`, convert.toParams(params))).summary.profile;
        return plan ? describePlan(plan, 0) : '';
      },
    });
  } finally {
    await tx.rollback().catch(() => undefined);
    await session.close().catch(() => undefined);
  }
}

function totalDbHits(plan: ProfiledPlan): number {
  return plan.dbHits + plan.children.reduce((sum, child) => sum + totalDbHits(child), 0);
}

function operatorsOf(plan: ProfiledPlan): string[] {
  return [plan.operatorType, ...plan.children.flatMap(operatorsOf)];
}

function describePlan(plan: ProfiledPlan, depth: number): string {
  const details = String(plan.arguments['Details'] ?? '').slice(0, 120);
  const line = `${'  '.repeat(depth)}${plan.operatorType} hits=${plan.dbHits} rows=${plan.rows} ${details}`;
  return [line, ...plan.children.map((child) => describePlan(child, depth + 1))].join('\n');
}
