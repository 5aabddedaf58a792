/**
 * The shapes every repository shares: a row, parameters, and anything that runs a named query.
 * Kept apart from the Executor (which re-exports them), so that they read on their own.
 */
export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

/**
 * Anything that runs a named query: the scope of a write transaction that several repository
 * calls share (so they commit or fail together), or a runner whose every query is its own
 * read transaction (dry runs, checks before a write).
 */
export interface QueryRunner {
  run(queryName: string, params?: Params): Promise<Row[]>;
}

/** Told of every query as it is sent: its file's name and the text sent (a written-out specialisation, when one is). */
export type QueryListener = (event: { queryName: string; mode: 'READ' | 'WRITE'; text: string }) => void;
export type TransactionListener = (event: { label: string; mode: 'READ' | 'WRITE' }) => void;
