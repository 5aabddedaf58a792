/**
 * What every write use case shares: the clock and its stamps, the rule context, the checks
 * of ids and references against the graph, and the audit entry. A feature's curation service
 * holds one Writer and follows the same steps:
 *   1. check the input with the pure rules (every problem, each naming its field);
 *   2. open ONE write transaction, in which it checks what only the graph knows (the id is
 *      free, the referenced ids exist), writes the change and its audit entry;
 *   3. any error thrown inside rolls the whole transaction back: nothing is written.
 * Duplicates are refused twice over: the id is looked up first (a clear CONFLICT naming it),
 * and the unique constraints catch the race of two concurrent creations (CONFLICT too).
 */
import type { Executor, QueryRunner } from '../db/executor.js';
import type { AuditDraft } from './audit.js';
import type { IdKind } from './ids.js';
import { conflict, Problems } from './problems.js';
import { checkReferencesExist, type Reference } from './references.js';
import type { RuleContext } from './values.js';
import { findIds, readRunner, type Stamp, writeAudit } from './write.repository.js';

/** Who makes a change; only the name is stored (as recordedBy and in the audit log). */
export interface Author {
  name: string;
}

/**
 * The time of a change to an existing item, taken once its write lock is held: a writer
 * that waited for the lock stamps after the change it waited for, so the audit log lists
 * one item's changes in commit order. A clock behind the item's last change (another
 * replica, a clock step) is moved just past it, for the same reason.
 */
export function stampAfter(by: Author, now: Date, previous: readonly unknown[]): Stamp {
  let at = now.getTime();
  for (const value of previous) {
    const last = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isFinite(last) && last >= at) at = last + 1;
  }
  return { now: new Date(at).toISOString(), by: by.name };
}

/** What a client is told when the id of a new item is taken, and what to do instead. */
export function idTakenMessage(id: string, kind: IdKind, generatedId: boolean): string {
  const hint =
    kind === 'stance'
      ? 'to add a source to that claim use addStanceSource; for the same stance at another meeting pass an id with a date suffix'
      : `change it with update${kind[0]?.toUpperCase()}${kind.slice(1)}, or choose another id`;
  return `${generatedId ? `(made from the input) ` : ''}"${id}" already exists; ${hint}`;
}

export class Writer {
  constructor(
    private readonly executor: Executor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Runs `work` in one write transaction: everything it writes commits, or nothing does. */
  transaction<T>(label: string, work: (scope: QueryRunner) => Promise<T>): Promise<T> {
    return this.executor.writeTransaction(label, work);
  }

  ruleContext(): RuleContext {
    return { now: this.clock() };
  }

  /** The stamp of a new item. */
  stamp(by: Author): Stamp {
    return { now: this.clock().toISOString(), by: by.name };
  }

  /** The stamp of a change to an item whose last changes happened at `previous` (see `stampAfter`). */
  stampAfter(by: Author, ...previous: unknown[]): Stamp {
    return stampAfter(by, this.clock(), previous);
  }

  /**
   * When the input already has problems, adds those of its references (one read, nothing
   * written) so the client learns every problem at once, then throws. Without problems it
   * does nothing: the references are checked again inside the write transaction.
   */
  async throwWithReferences(problems: Problems, references: readonly Reference[]): Promise<void> {
    if (problems.empty) return;
    const malformed = new Set(problems.list.map((p) => p.field));
    const checkable = references.filter((ref) => !malformed.has(ref.field));
    if (checkable.length > 0) {
      const found = await findIds(
        readRunner(this.executor),
        checkable.map((ref) => ref.id),
      );
      checkReferencesExist(problems, checkable, found);
    }
    problems.throwIfAny();
  }

  /** In the transaction: the new id is free, and every reference exists with the right kind. */
  async checkNew(scope: QueryRunner, id: string, kind: IdKind, generatedId: boolean, references: readonly Reference[]): Promise<void> {
    const found = await findIds(scope, [id, ...references.map((r) => r.id)]);
    if (found.has(id)) throw conflict('input.id', idTakenMessage(id, kind, generatedId));
    const problems = new Problems();
    checkReferencesExist(problems, references, found);
    problems.throwIfAny();
  }

  /** Records one change in the audit log, in the transaction that makes it. */
  audit(scope: QueryRunner, stamp: Stamp, draft: AuditDraft): Promise<void> {
    return writeAudit(scope, [draft], stamp, 'api');
  }
}
