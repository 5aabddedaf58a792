/**
 * Curation of the relations (role editor): record whom a stance is addressed to, whom a
 * position involves, and who attended or is invited to a meeting. Each write is one
 * transaction through the seed loader's own merge queries, so an edge written here is stored
 * exactly as one loaded from a file; recording an edge that exists adds the new sources to it
 * (one quote per source), and every change goes into the audit log.
 */
import type { Executor } from '../db/executor.js';
import { AppError, ErrorCode } from '../errors/errors.js';
import { AuditAction, AuditTargetKind } from '../curation/audit.js';
import type { EvidenceInput } from '../curation/curation.input.js';
import * as repository from '../curation/curation.repository.js';
import { checkEvidence, checkId, checkReferencesExist, type IdKind, Problems, type Reference } from '../curation/curation.rules.js';
import type { Author } from '../curation/curation.service.js';
import type { Attendance } from '../meetings/meeting.type.js';
import type { EvidenceEntry } from '../seed/seed-format.js';
import { provenance } from '../seed/seed-loader.js';
import { type Props, toAttendance } from '../shared/mapping.js';
import type { EvidenceRecord } from '../sources/source.type.js';
import { toInvolvement, toStanceTarget } from './relation.mapping.js';
import type { RecordAttendanceInput, RecordInvolvementInput, RecordStanceTargetInput } from './relation-curation.input.js';
import type { Involvement, StanceTarget } from './relation.type.js';
import { refuseQuotesNotInSources } from '../sources/quote-guard.js';

type Runner = repository.Runner;

interface LinkSpec<T extends { evidence: EvidenceRecord[] }> {
  label: string;
  targetKind: AuditTargetKind;
  references: Reference[];
  /** Reads the edge if it exists (after extra checks on the stored graph). */
  find(run: Runner): Promise<T | null>;
  merge: { query: string; row: (evidence: EvidenceEntry[]) => Record<string, unknown> };
}

const evidenceOf = (list: readonly EvidenceInput[]) => list.map((e) => ({ sourceId: e.sourceId, quote: e.quote }));
const conflict = (field: string, message: string) => new AppError(ErrorCode.CONFLICT, `Argument "${field}" ${message}`, { argument: field });
const first = async <T>(run: Runner, query: string, params: Record<string, unknown>, column: string, map: (p: Props) => T) => {
  const [row] = await run.run(query, params);
  return row?.[column] ? map(row[column] as Props) : null;
};

export class RelationCurationService {
  constructor(
    private readonly executor: Executor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  recordStanceTarget(by: Author, input: RecordStanceTargetInput): Promise<StanceTarget> {
    const problems = new Problems();
    checkId(problems, 'input.stanceId', input.stanceId, 'stance');
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    return this.record(by, problems, input.evidence, {
      label: `${input.stanceId} -TARGETS-> ${input.actorId}`,
      targetKind: AuditTargetKind.STANCE_TARGET,
      references: [
        { field: 'input.stanceId', id: input.stanceId, kinds: ['stance'] },
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
      ],
      find: async (run) => {
        const [row] = await run.run('relations/find-target-link', { stanceId: input.stanceId, actorId: input.actorId });
        if (row?.['stanceActorId'] === input.actorId)
          throw conflict('input.actorId', `is the actor of "${input.stanceId}" itself; a target is whom the stance is addressed to`);
        if (row?.['status'] === 'RETRACTED') throw conflict('input.stanceId', `"${input.stanceId}" was retracted; targets are recorded on active stances`);
        return row?.['target'] ? toStanceTarget(row['target'] as Props) : null;
      },
      merge: {
        query: 'seed/merge-stance-targets',
        row: (evidence) => ({ stanceId: input.stanceId, actorId: input.actorId, props: { stanceId: input.stanceId, ...provenance(evidence) } }),
      },
    });
  }

  recordInvolvement(by: Author, input: RecordInvolvementInput): Promise<Involvement> {
    const problems = new Problems();
    checkId(problems, 'input.positionId', input.positionId, 'position');
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    const key = { positionId: input.positionId, actorId: input.actorId, role: input.role };
    return this.record(by, problems, input.evidence, {
      label: `${input.positionId} -INVOLVES(${input.role})-> ${input.actorId}`,
      targetKind: AuditTargetKind.INVOLVEMENT,
      references: [
        { field: 'input.positionId', id: input.positionId, kinds: ['position'] },
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
      ],
      find: (run) => first(run, 'relations/find-involvement-link', key, 'involvement', toInvolvement),
      merge: {
        query: 'seed/merge-involvement',
        row: (evidence) => ({ positionId: input.positionId, actorId: input.actorId, props: { role: input.role, ...provenance(evidence) } }),
      },
    });
  }

  recordAttendance(by: Author, input: RecordAttendanceInput): Promise<Attendance> {
    const problems = new Problems();
    checkId(problems, 'input.actorId', input.actorId, 'actor');
    checkId(problems, 'input.meetingId', input.meetingId, 'meeting');
    const key = { actorId: input.actorId, meetingId: input.meetingId, role: input.role };
    return this.record(by, problems, input.evidence, {
      label: `${input.actorId} -ATTENDED(${input.role})-> ${input.meetingId}`,
      targetKind: AuditTargetKind.ATTENDANCE,
      references: [
        { field: 'input.actorId', id: input.actorId, kinds: ['actor'] },
        { field: 'input.meetingId', id: input.meetingId, kinds: ['meeting'] },
      ],
      find: (run) => first(run, 'relations/find-attendance-link', key, 'attendance', toAttendance),
      merge: {
        query: 'seed/merge-attendance',
        row: (evidence) => ({ actorId: input.actorId, meetingId: input.meetingId, props: { role: input.role, ...provenance(evidence) } }),
      },
    });
  }

  /** Validates, then creates the edge or adds the new sources to it, with an audit entry. */
  private async record<T extends { evidence: EvidenceRecord[] }>(
    by: Author,
    problems: Problems,
    input: readonly EvidenceInput[],
    spec: LinkSpec<T>,
  ): Promise<T> {
    const evidence = evidenceOf(input);
    checkEvidence(problems, 'input.evidence', evidence);
    problems.throwIfAny();
    return this.executor.writeTransaction('recordRelation', async (scope) => {
      const stamp = { now: this.clock().toISOString(), by: by.name };
      const references = [
        ...spec.references,
        ...evidence.map((e, i) => ({ field: `input.evidence[${i}].sourceId`, id: e.sourceId, kinds: ['source'] as IdKind[] })),
      ];
      const found = await repository.findIds(scope, [...new Set(references.map((r) => r.id))]);
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
      await scope.run(spec.merge.query, { rows: [spec.merge.row([...(stored?.evidence ?? []), ...added])], now: stamp.now, recordedBy: stamp.by });
      const draft = stored
        ? { action: AuditAction.ADD_SOURCE, summary: `Added ${added.map((e) => e.sourceId).join(', ')}`, changes: { evidence: { added } } }
        : { action: AuditAction.CREATE, summary: `Recorded ${spec.label}`, changes: { evidence: added } };
      await repository.writeAudit(scope, [{ ...draft, targetKind: spec.targetKind, targetId: spec.label }], stamp, 'api');
      const written = await spec.find(scope);
      if (!written) throw new AppError(ErrorCode.INTERNAL_SERVER_ERROR, `${spec.label} was not written`);
      return written;
    });
  }
}
