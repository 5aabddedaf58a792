/**
 * Remembers what measuring an operation found, per parsed document. Apollo keeps one parsed
 * document per query text (its document store), so a client sending the same query again,
 * as dashboards and notebooks do, is priced once, not on every request: the cost walk
 * expands every fragment and is a noticeable share of a small request's CPU.
 *
 * Keyed by the document object (dropped with it) and by operation name and variables; only
 * small variable sets are remembered, and at most MAX_PER_DOCUMENT of them per document.
 */
import type { DocumentNode } from 'graphql';

const MAX_PER_DOCUMENT = 64;
const MAX_KEY_CHARS = 2_000;

export class MeasureCache<T> {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, T>>();

  /** The remembered value for this document, operation and variables, else `measure()` (remembered when small enough). */
  get(document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown> | undefined, measure: () => T): T {
    const key = keyOf(operationName, variables);
    if (key === undefined) return measure();
    let entries = this.byDocument.get(document);
    const known = entries?.get(key);
    if (known !== undefined) return known;
    const value = measure();
    if (!entries) {
      entries = new Map();
      this.byDocument.set(document, entries);
    }
    if (entries.size >= MAX_PER_DOCUMENT) entries.clear();
    entries.set(key, value);
    return value;
  }
}

function keyOf(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  const vars = variables && Object.keys(variables).length > 0 ? JSON.stringify(variables) : '';
  const key = `${operationName ?? ''}\u0000${vars}`;
  return key.length <= MAX_KEY_CHARS ? key : undefined;
}
