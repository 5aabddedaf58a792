/**
 * Curation of the relations (role editor): record whom a stance is addressed to, whom a
 * position involves, and who attended or is invited to a meeting. Each write is one
 * transaction through the seed loader's own merge queries, so an edge written here is stored
 * exactly as one loaded from a file; recording an edge that exists adds the new sources to it
 * (one quote per source), and every change goes into the audit log. An edit first takes the
 * write lock of what the edge hangs off (the stance, the position, the meeting: the edge may
 * not exist yet), then stamps: concurrent edits of one edge take turns, each reads the edge as
 * the one before it left it, and the audit log lists them in commit order (issue 9, defect 13).
 */
import type { Executor, QueryRunner } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Attendance } from '../meetings/meeting.type.js';
import type { EvidenceEntry } from '../shared/seed-format.js';
import type { EvidenceRecord } from '../sources/source.type.js';
import { AuditAction, AuditTargetKind } from '../write/audit.js';
import type { EvidenceInput } from '../write/evidence.input.js';
import { checkEvidence, evidenceOf, evidenceReferences } from '../write/evidence.js';
import { checkId } from '../write/ids.js';
import { conflict, Problems } from '../write/problems.js';
import { refuseQuotesNotInSources } from '../write/quote-guard.js';
import { checkReferencesExist, type Reference } from '../write/references.js';
import { findIds, type Stamp } from '../write/write.repository.js';
import { type Author, Writer } from '../write/writer.js';
import type { RecordAttendanceInput, RecordInvolvementInput, RecordStanceTargetInput } from './relation-curation.input.js';
import {
  findAttendanceLink,
  findInvolvementLink,
  findTargetLink,
  lockMeetingOfAttendance,
  lockPositionOfInvolvement,
  lockStanceOfTarget,
  saveAttendance,
  saveInvolvement,
  saveStanceTarget,
} from './relation-curation.repository.js';
import type { Involvement, StanceTarget } from './relation.type.js';

interface LinkSpec<T extends { evidence: EvidenceRecord[] }> {
  label: string;
  targetKind: AuditTargetKind;
  references: Reference[];
  /**
   * Takes the write lock of what the edge hangs off, before anything is read or stamped;
   * returns when the edge last changed.
   */
  lock(run: QueryRunner): Promise<unknown>;
  /** Reads the edge if it exists (after extra checks on the stored graph). */
  find(run: QueryRunner): Promise<T | null>;
  /** Stores the edge with all of its evidence (the stored entries and the added ones). */
  save(run: QueryRunner, evidence: EvidenceEntry[], stamp: Stamp): Promise<void>;
}

export class RelationCurationService {
  private readonly writer: Writer;

  constructor(executor: Executor, clock: () => Date = () => new Date()) {
    this.writer = new Writer(executor, clock);
  }

  recordStanceTarget(by: Author, input: RecordStanceTargetInput): Promise<StanceTarget> {
    const problems = new Problems();
    checkId(problems, 'input.stanceId', input.stanceId, 'stance');
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    const label = `${input.stanceId} -TARGETS-> ${input.actorId}`;
    return this.record(by, problems, input.evidence, {
      label,
      targetKind: AuditTargetKind.STANCE_TARGET,
      lock: (run) => lockStanceOfTarget(run, input.stanceId, label),
      references: [
        { field: 'input.stanceId', id: input.stanceId, kinds: ['stance'] },
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
      ],
      find: async (run) => {
        const link = await findTargetLink(run, { stanceId: input.stanceId, actorId: input.actorId });
        if (link.stanceActorId === input.actorId)
          throw conflict('input.actorId', `is the actor of "${input.stanceId}" itself; a target is whom the stance is addressed to`);
        if (link.status === 'RETRACTED') throw conflict('input.stanceId', `"${input.stanceId}" was retracted; targets are recorded on active stances`);
        return link.target;
      },
      save: (run, evidence, stamp) => saveStanceTarget(run, { stanceId: input.stanceId, actorId: input.actorId, evidence }, stamp),
    });
  }

  recordInvolvement(by: Author, input: RecordInvolvementInput): Promise<Involvement> {
    const problems = new Problems();
    checkId(problems, 'input.positionId', input.positionId, 'position');
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    const key = { positionId: input.positionId, actorId: input.actorId, role: input.role };
    const label = `${input.positionId} -INVOLVES(${input.role})-> ${input.actorId}`;
    return this.record(by, problems, input.evidence, {
      label,
      targetKind: AuditTargetKind.INVOLVEMENT,
      lock: (run) => lockPositionOfInvolvement(run, input.positionId, label),
      references: [
        { field: 'input.positionId', id: input.positionId, kinds: ['position'] },
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
      ],
      find: (run) => findInvolvementLink(run, key),
      save: (run, evidence, stamp) => saveInvolvement(run, { positionId: input.positionId, actorId: input.actorId, role: input.role, evidence }, stamp),
    });
  }

  recordAttendance(by: Author, input: RecordAttendanceInput): Promise<Attendance> {
    const problems = new Problems();
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    checkId(problems, 'input.meetingId', input.meetingId, 'meeting');
    const key = { actorId: input.actorId, meetingId: input.meetingId, role: input.role };
    const label = `${input.actorId} -ATTENDED(${input.role})-> ${input.meetingId}`;
    return this.record(by, problems, input.evidence, {
      label,
      targetKind: AuditTargetKind.ATTENDANCE,
      lock: (run) => lockMeetingOfAttendance(run, input.meetingId, label),
      references: [
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
        { field: 'input.meetingId', id: input.meetingId, kinds: ['meeting'] },
      ],
      find: (run) => findAttendanceLink(run, key),
      save: (run, evidence, stamp) => saveAttendance(run, { actorId: input.actorId, meetingId: input.meetingId, role: input.role, evidence }, stamp),
    });
  }

  /** Validates, then (under the lock of what the edge hangs off) creates the edge or adds the new sources to it, with an audit entry. */
  private async record<T extends { evidence: EvidenceRecord[] }>(
    by: Author,
    problems: Problems,
    input: readonly EvidenceInput[],
    spec: LinkSpec<T>,
  ): Promise<T> {
    const evidence = evidenceOf(input);
    checkEvidence(problems, 'input.evidence', evidence);
    problems.throwIfAny();
    return this.writer.transaction('recordRelation', async (scope) => {
      // Lock, then stamp: a writer that waited for the lock stamps after the edit it waited for.
      const stamp = this.writer.stampAfter(by, await spec.lock(scope));
      const references = [...spec.references, ...evidenceReferences('input.evidence', evidence)];
      const found = await findIds(scope, [...new Set(references.map((r) => r.id))]);
      checkReferencesExist(problems, references, found);
      problems.throwIfAny();
      const stored = await spec.find(scope);
      const known = new Set((stored?.evidence ?? []).map((e) => e.sourceId));
      const added = evidence.filter((e) => !known.has(e.sourceId));
      if (stored && added.length === 0)
        throw conflict('input.evidence', `names only sources already quoted for ${spec.label}; an edge keeps one quote per source`);
      // Quotes citing a source that carries its text must occur in it, as on every write path.
      await refuseQuotesNotInSources(
        scope,
        evidence.flatMap((e, i) => (added.includes(e) ? [{ field: `input.evidence[${i}].quote`, sourceId: e.sourceId, quote: e.quote }] : [])),
      );
      await spec.save(scope, [...(stored?.evidence ?? []), ...added], stamp);
      const draft = stored
        ? { action: AuditAction.ADD_SOURCE, summary: `Added ${added.map((e) => e.sourceId).join(', ')}`, changes: { evidence: { added } } }
        : { action: AuditAction.CREATE, summary: `Recorded ${spec.label}`, changes: { evidence: added } };
      await this.writer.audit(scope, stamp, { ...draft, targetKind: spec.targetKind, targetId: spec.label });
      const written = await spec.find(scope);
      if (!written) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${spec.label} was not written`);
      return written;
    });
  }
}
