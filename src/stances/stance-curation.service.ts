/**
 * Recording stances (role editor), adding a source to one, and retracting one (role admin).
 * The steps are those of every write (src/write/writer.ts): rules, then one transaction that
 * checks the graph, writes the change and its audit entry.
 */
import type { Executor } from '../db/executor.js';
import type { EvidenceEntry, SeedStance } from '../shared/seed-format.js';
import { provenance, stanceRow } from '../write/dataset.repository.js';
import { StanceKind, StanceStatus } from '../shared/enums.js';
import { AuditAction, AuditTargetKind } from '../write/audit.js';
import type { EvidenceInput } from '../write/evidence.input.js';
import { checkEvidence, evidenceOf, evidenceReferences, quotesOf } from '../write/evidence.js';
import { checkId, slugOfId } from '../write/ids.js';
import { conflict, notFound, Problems } from '../write/problems.js';
import { refuseQuotesNotInSources } from '../write/quote-guard.js';
import { checkReferencesExist, type Reference } from '../write/references.js';
import { checkReason } from '../write/values.js';
import { findIds } from '../write/write.repository.js';
import { type Author, Writer } from '../write/writer.js';
import type { RecordStanceInput } from './stance-curation.input.js';
import { insertStance, lockStance, retractStance, setStanceEvidence } from './stance-curation.repository.js';
import { checkStance } from './stance-curation.rules.js';
import type { Stance } from './stance.type.js';

export class StanceCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  /** Records a stance: the actor, position, meeting and every source must exist. */
  async recordStance(by: Author, input: RecordStanceInput): Promise<Stance> {
    const kind = input.kind;
    const stance: SeedStance = {
      id: input.id ?? `stance:${slugOfId(input.actorId)}-${String(kind).toLowerCase()}-${slugOfId(input.positionId)}`,
      kind,
      actorId: input.actorId,
      positionId: input.positionId,
      meetingId: input.meetingId ?? null,
      date: input.date ?? null,
      plover: input.plover ? { event: input.plover.event ?? null, mode: input.plover.mode ?? null, context: input.plover.context ?? [] } : null,
      cameo: input.cameo ?? null,
      evidence: evidenceOf(input.evidence),
    };
    const problems = new Problems();
    if (!Object.values(StanceKind).includes(kind)) problems.add('input.kind', `must be one of ${Object.values(StanceKind).join(', ')}`);
    checkStance(problems, 'input', stance, this.writer.ruleContext());
    const references: Reference[] = [
      { field: 'input.actorId', id: stance.actorId, kinds: ['actor'] },
      { field: 'input.positionId', id: stance.positionId, kinds: ['position'] },
      ...(stance.meetingId ? [{ field: 'input.meetingId', id: stance.meetingId, kinds: ['meeting'] as const }] : []),
      ...evidenceReferences('input.evidence', stance.evidence),
    ];
    await this.writer.throwWithReferences(problems, references);
    return this.writer.transaction('recordStance', async (scope) => {
      const stamp = this.writer.stamp(by);
      await this.writer.checkNew(scope, stance.id, 'stance', input.id == null, references);
      await refuseQuotesNotInSources(scope, quotesOf('input.evidence', stance.evidence));
      const created = await insertStance(scope, stanceRow(stance), stamp);
      await this.writer.audit(scope, stamp, {
        action: AuditAction.CREATE,
        targetKind: AuditTargetKind.STANCE,
        targetId: stance.id,
        summary: `Recorded: ${stance.actorId} ${stance.kind} ${stance.positionId}`,
      });
      return created;
    });
  }

  /** Adds one more source (with its quote) to an existing stance: one claim, many sources. */
  async addStanceSource(by: Author, stanceId: string, evidence: EvidenceInput): Promise<Stance> {
    const problems = new Problems();
    checkId(problems, 'stanceId', stanceId, 'stance');
    const entry: EvidenceEntry = { sourceId: evidence.sourceId, quote: evidence.quote };
    const single = new Problems();
    checkEvidence(single, 'evidence', [entry]);
    // Name the fields as sent: a single "evidence" object, not a list.
    for (const p of single.list) problems.add(p.field.replace('evidence[0]', 'evidence'), p.message);
    problems.throwIfAny();

    return this.writer.transaction('addStanceSource', async (scope) => {
      const locked = await lockStance(scope, stanceId);
      if (!locked) throw notFound('stanceId', 'stance', stanceId);
      const { stance } = locked;
      const stamp = this.writer.stampAfter(by, ...locked.changedAt);
      if (stance.status === StanceStatus.RETRACTED)
        throw conflict('stanceId', `"${stanceId}" was retracted; record a new stance instead of adding sources to a retracted one`);
      if (stance.evidence.some((e) => e.sourceId === entry.sourceId)) {
        throw conflict('evidence.sourceId', `"${entry.sourceId}" is already quoted for stance "${stanceId}"; a stance keeps one quote per source`);
      }
      const found = await findIds(scope, [entry.sourceId]);
      checkReferencesExist(problems, [{ field: 'evidence.sourceId', id: entry.sourceId, kinds: ['source'] }], found);
      problems.throwIfAny();
      await refuseQuotesNotInSources(scope, [{ field: 'evidence.quote', ...entry }]);
      const updated = await setStanceEvidence(scope, stanceId, provenance([...stance.evidence, entry]), stamp);
      await this.writer.audit(scope, stamp, {
        action: AuditAction.ADD_SOURCE,
        targetKind: AuditTargetKind.STANCE,
        targetId: stanceId,
        summary: `Added source ${entry.sourceId}`,
        changes: { evidence: { added: entry } },
      });
      return updated;
    });
  }

  /** Marks a stance retracted (who, when, why). The edge stays; default queries hide it. */
  async retractStance(by: Author, stanceId: string, reason: string): Promise<Stance> {
    const problems = new Problems();
    checkId(problems, 'id', stanceId, 'stance');
    checkReason(problems, 'reason', reason);
    problems.throwIfAny();
    return this.writer.transaction('retractStance', async (scope) => {
      const locked = await lockStance(scope, stanceId);
      if (!locked) throw notFound('id', 'stance', stanceId);
      const { stance } = locked;
      const stamp = this.writer.stampAfter(by, ...locked.changedAt);
      if (stance.status === StanceStatus.RETRACTED) {
        throw conflict('id', `"${stanceId}" was already retracted (by ${stance.retractedBy ?? 'unknown'} at ${stance.retractedAt ?? 'an unknown time'})`);
      }
      const retracted = await retractStance(scope, stanceId, reason.trim(), stamp);
      await this.writer.audit(scope, stamp, {
        action: AuditAction.RETRACT,
        targetKind: AuditTargetKind.STANCE,
        targetId: stanceId,
        summary: `Retracted: ${reason.trim()}`,
        changes: { status: { from: StanceStatus.ACTIVE, to: StanceStatus.RETRACTED } },
      });
      return retracted;
    });
  }
}
