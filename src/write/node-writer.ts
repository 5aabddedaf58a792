/**
 * Creating and updating a node, the same way for every kind of node: a feature describes its
 * kind once (a NodeSpec: rules, repository calls, how it reads back and is named in the audit
 * log), and these two functions run the steps of a write (see writer.ts).
 */
import type { QueryRunner } from '../db/executor.js';
import type { NodeLabel } from '../shared/graph-kinds.js';
import type { EvidenceEntry } from '../shared/seed-format.js';
import type { Props } from '../shared/row-values.js';
import { AuditAction, type AuditTargetKind } from './audit.js';
import { evidenceReferences, quotesOf } from './evidence.js';
import { checkId, type IdKind } from './ids.js';
import { notFound, Problems } from './problems.js';
import { refuseQuotesNotInSources } from './quote-guard.js';
import { changedFields, type RuleContext } from './values.js';
import { lockNode, markUpdated, type Stamp } from './write.repository.js';
import type { Author, Writer } from './writer.js';

/**
 * The labels of the node kinds written through a NodeSpec: every node kind of the table but
 * Disagreement, which is written with its CONCERNS edges by its own service (src/disagreements/).
 */
export type NodeSpecLabel = Exclude<NodeLabel, 'Disagreement'>;

/** How one kind of node is checked, stored, read back and described. */
export interface NodeSpec<S extends { id: string }, R> {
  kind: IdKind;
  label: NodeSpecLabel;
  noun: string;
  targetKind: AuditTargetKind;
  /** The fields an update may change (evidence is added, never replaced). */
  editable: ReadonlyArray<keyof S>;
  check(problems: Problems, prefix: string, item: S, ctx: RuleContext): void;
  /** Stores a new item (the feature's repository); returns the stored properties. */
  insert(run: QueryRunner, item: S, stamp: Stamp): Promise<Props>;
  /** Stores a changed item (the feature's repository); the writer stamps it as updated. */
  save(run: QueryRunner, item: S, stamp: Stamp): Promise<void>;
  /** The stored item in the shape of its input, to apply an update to. */
  fromStored(props: Props): S;
  /** The stored item as the GraphQL type returned to the client. */
  toRecord(props: Props): R;
  evidence(item: S): EvidenceEntry[];
  title(item: S): string;
}

/** Creates a node: rules, a free id, existing sources, quotes found in them, then the write and its audit entry. */
export async function createNode<S extends { id: string }, R>(writer: Writer, by: Author, spec: NodeSpec<S, R>, item: S, generatedId: boolean): Promise<R> {
  const problems = new Problems();
  spec.check(problems, 'input', item, writer.ruleContext());
  const references = evidenceReferences('input.evidence', spec.evidence(item));
  await writer.throwWithReferences(problems, references);
  return writer.transaction(`create ${spec.noun}`, async (scope) => {
    const stamp = writer.stamp(by);
    await writer.checkNew(scope, item.id, spec.kind, generatedId, references);
    await refuseQuotesNotInSources(scope, quotesOf('input.evidence', spec.evidence(item)));
    const props = await spec.insert(scope, item, stamp);
    await writer.audit(scope, stamp, {
      action: AuditAction.CREATE,
      targetKind: spec.targetKind,
      targetId: item.id,
      summary: `Created ${spec.noun} "${spec.title(item)}"`,
    });
    return spec.toRecord(props);
  });
}

/**
 * Changes the fields a patch sends (under the node's write lock), checks the whole changed
 * item with the same rules as a new one, and records each changed field's value before and
 * after. A patch that changes nothing writes nothing, not even an audit entry.
 */
export async function updateNode<S extends { id: string }, R>(writer: Writer, by: Author, spec: NodeSpec<S, R>, id: string, patch: Partial<S>): Promise<R> {
  const idProblems = new Problems();
  checkId(idProblems, 'id', id, spec.kind);
  idProblems.throwIfAny();
  return writer.transaction(`update ${spec.noun}`, async (scope) => {
    const stored = await lockNode(scope, spec.label, id);
    if (!stored) throw notFound('id', spec.noun, id);
    const stamp = writer.stampAfter(by, stored['recordedAt'], stored['updatedAt']);
    const current = spec.fromStored(stored);
    const next = { ...current, ...patch, id };
    const problems = new Problems();
    spec.check(problems, 'input', next, writer.ruleContext());
    problems.throwIfAny();
    const changed = changedFields(current, next, spec.editable);
    if (changed.length === 0) return spec.toRecord(stored);
    await spec.save(scope, next, stamp);
    const props = await markUpdated(scope, spec.label, id, stamp);
    const changes = Object.fromEntries(changed.map((field) => [field, { from: current[field] ?? null, to: next[field] ?? null }]));
    await writer.audit(scope, stamp, {
      action: AuditAction.UPDATE,
      targetKind: spec.targetKind,
      targetId: id,
      summary: `Updated ${spec.noun} "${spec.title(next)}": ${changed.join(', ')}`,
      changes,
    });
    return spec.toRecord(props);
  });
}
