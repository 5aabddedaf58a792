/**
 * The curation use cases: create and update nodes, record stances and disagreements, add a
 * source to a stance, retract a stance. Each one:
 *   1. checks the input with the pure rules (every problem, each naming its field);
 *   2. opens ONE write transaction, in which it checks what only the graph knows (the id is
 *      free, the referenced ids exist), writes the change and its audit entry;
 *   3. any error thrown inside rolls the whole transaction back: nothing is written.
 * Duplicates are refused twice over: the id is looked up first (a clear CONFLICT naming it),
 * and the unique constraints catch the race of two concurrent creations (CONFLICT too).
 */
import { AppError, ErrorCode } from '../errors/errors.js';
import type { Actor } from '../actors/actor.type.js';
import type { Executor } from '../db/executor.js';
import type { Disagreement } from '../disagreements/disagreement.type.js';
import type { Document } from '../documents/document.type.js';
import type { Meeting } from '../meetings/meeting.type.js';
import type { Position } from '../positions/position.type.js';
import type { EvidenceEntry, SeedActor, SeedDisagreement, SeedDocument, SeedMeeting, SeedPosition, SeedSource, SeedStance } from '../seed/seed-format.js';
import { actorRow, disagreementRow, documentRow, meetingRow, positionRow, provenance, sourceRow, stanceRow } from '../seed/seed-loader.js';
import { StanceKind, StanceStatus } from '../shared/enums.js';
import { type Props, toActor, toDocument, toMeeting, toPosition, toSource } from '../shared/mapping.js';
import { refuseQuotesNotInSources } from '../sources/quote-guard.js';
import { normalizeSourceText, sourceTextProblem } from '../sources/source-text.js';
import type { Source } from '../sources/source.type.js';
import type { Stance } from '../stances/stance.type.js';
import { AuditAction, AuditTargetKind } from './audit.js';
import type {
  CreateActorInput,
  CreateDocumentInput,
  CreateMeetingInput,
  CreatePositionInput,
  CreateSourceInput,
  EvidenceInput,
  RecordDisagreementInput,
  RecordStanceInput,
  UpdateActorInput,
  UpdateDocumentInput,
  UpdateMeetingInput,
  UpdatePositionInput,
  UpdateSourceInput,
} from './curation.input.js';
import * as repository from './curation.repository.js';
import type { Runner, Stamp } from './curation.repository.js';
import {
  changedFields,
  checkActor,
  checkDisagreement,
  checkDocument,
  checkEvidence,
  checkId,
  checkMeeting,
  checkPosition,
  checkReason,
  checkReferencesExist,
  checkSource,
  checkStance,
  CONCERNABLE_KINDS,
  evidenceReferences,
  generateId,
  type IdKind,
  Problems,
  type Reference,
  type RuleContext,
  slugOfId,
} from './curation.rules.js';

/** Who makes a change; only the name is stored (as recordedBy and in the audit log). */
export interface Author {
  name: string;
}

const clean = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
/** The quotes of an evidence list, named by their input field, for the check against source texts. */
const quotesOf = (prefix: string, evidence: readonly EvidenceEntry[]) =>
  evidence.map((e, i) => ({ field: `${prefix}[${i}].quote`, sourceId: e.sourceId, quote: e.quote }));
const evidenceOf = (list: readonly EvidenceInput[] | null | undefined): EvidenceEntry[] => (list ?? []).map((e) => ({ sourceId: e.sourceId, quote: e.quote }));

/** How each kind of node is checked, stored, read back and described. */
interface NodeSpec<S extends { id: string }, R> {
  kind: IdKind;
  label: 'Actor' | 'Meeting' | 'Position' | 'Document' | 'Source';
  noun: string;
  targetKind: AuditTargetKind;
  createQuery: string;
  mergeQuery: string;
  /** The fields an update may change (evidence is added, never replaced). */
  editable: ReadonlyArray<keyof S>;
  check(problems: Problems, prefix: string, item: S, ctx: RuleContext): void;
  row(item: S): { id: string };
  extraParams?(item: S): Record<string, unknown>;
  fromStored(props: Props): S;
  toRecord(props: Props): R;
  evidence(item: S): EvidenceEntry[];
  title(item: S): string;
}

const ACTOR: NodeSpec<SeedActor, Actor> = {
  kind: 'actor',
  label: 'Actor',
  noun: 'actor',
  targetKind: AuditTargetKind.ACTOR,
  createQuery: 'curation/create-actor',
  mergeQuery: 'seed/merge-actors',
  editable: ['name', 'kind', 'aliases', 'description', 'wikidataId'],
  check: (p, prefix, a) => checkActor(p, prefix, a),
  row: actorRow,
  fromStored: (props) => {
    const a = toActor(props);
    return { id: a.id, name: a.name, kind: a.kind, aliases: a.aliases, description: a.description, wikidataId: a.wikidataId, evidence: a.evidence };
  },
  toRecord: toActor,
  evidence: (a) => a.evidence,
  title: (a) => a.name,
};

const MEETING: NodeSpec<SeedMeeting, Meeting> = {
  kind: 'meeting',
  label: 'Meeting',
  noun: 'meeting',
  targetKind: AuditTargetKind.MEETING,
  createQuery: 'curation/create-meeting',
  mergeQuery: 'seed/merge-meetings',
  editable: ['title', 'kind', 'round', 'date', 'startedAt', 'endedAt', 'durationMinutes', 'venue', 'city', 'status'],
  check: checkMeeting,
  row: meetingRow,
  fromStored: (props) => {
    const { id, title, kind, round, date, startedAt, endedAt, durationMinutes, venue, city, status, evidence } = toMeeting(props);
    return { id, title, kind, round, date, startedAt, endedAt, durationMinutes, venue, city, status, evidence };
  },
  toRecord: toMeeting,
  evidence: (m) => m.evidence,
  title: (m) => m.title,
};

const POSITION: NodeSpec<SeedPosition, Position> = {
  kind: 'position',
  label: 'Position',
  noun: 'position',
  targetKind: AuditTargetKind.POSITION,
  createQuery: 'curation/create-position',
  mergeQuery: 'seed/merge-positions',
  editable: ['type', 'title', 'summary', 'topics'],
  check: (p, prefix, item) => checkPosition(p, prefix, item),
  row: positionRow,
  extraParams: (p) => ({ typeLabel: POSITION_LABELS[p.type] }),
  fromStored: (props) => {
    const { id, type, title, summary, topics, evidence } = toPosition(props);
    return { id, type, title, summary, topics, evidence };
  },
  toRecord: toPosition,
  evidence: (p) => p.evidence,
  title: (p) => p.title,
};

const POSITION_LABELS: Record<SeedPosition['type'], string> = { DEMAND: 'Demand', PROPOSAL: 'Proposal', CONCESSION: 'Concession' };

const DOCUMENT: NodeSpec<SeedDocument, Document> = {
  kind: 'document',
  label: 'Document',
  noun: 'document',
  targetKind: AuditTargetKind.DOCUMENT,
  createQuery: 'curation/create-document',
  mergeQuery: 'seed/merge-documents',
  editable: ['title', 'kind', 'pages', 'parts'],
  check: (p, prefix, d) => checkDocument(p, prefix, d),
  row: documentRow,
  fromStored: (props) => {
    const { id, title, kind, pages, parts, evidence } = toDocument(props);
    return { id, title, kind, pages, parts, evidence };
  },
  toRecord: toDocument,
  evidence: (d) => d.evidence,
  title: (d) => d.title,
};

const SOURCE: NodeSpec<SeedSource, Source> = {
  kind: 'source',
  label: 'Source',
  noun: 'source',
  targetKind: AuditTargetKind.SOURCE,
  createQuery: 'curation/create-source',
  mergeQuery: 'seed/merge-sources',
  editable: ['publisher', 'title', 'publishedAt', 'language', 'url'],
  check: (p, prefix, s, ctx) => {
    checkSource(p, prefix, s, ctx);
    const problem = typeof s.text === 'string' ? sourceTextProblem(s.text) : null;
    if (problem) p.add(`${prefix}.text`, problem);
    if (s.retrievedAt != null && Number.isNaN(Date.parse(s.retrievedAt)))
      p.add(`${prefix}.retrievedAt`, `must be an ISO 8601 instant, e.g. "2025-07-23T18:00:00Z", got "${s.retrievedAt}"`);
  },
  row: sourceRow,
  // `file` (the article's text in seed/sources/) is not editable here but must survive an update.
  fromStored: (props) => ({ ...toSource(props), file: typeof props['file'] === 'string' ? props['file'] : null }),
  toRecord: toSource,
  evidence: () => [],
  title: (s) => s.title,
};

function notFound(field: string, noun: string, id: string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `Argument "${field}": there is no ${noun} with id "${id}"`, { argument: field });
}

function conflict(field: string, message: string): AppError {
  return new AppError(ErrorCode.CONFLICT, `Argument "${field}" ${message}`, { argument: field });
}

export class CurationService {
  constructor(
    private readonly executor: Executor,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  createActor(by: Author, input: CreateActorInput): Promise<Actor> {
    const actor: SeedActor = {
      id: input.id ?? generateId('actor', input.name),
      name: input.name,
      kind: input.kind,
      aliases: input.aliases ?? [],
      description: input.description ?? null,
      wikidataId: input.wikidataId ?? null,
      evidence: evidenceOf(input.evidence),
    };
    return this.createNode(by, ACTOR, actor, input.id == null);
  }

  updateActor(by: Author, id: string, input: UpdateActorInput): Promise<Actor> {
    return this.updateNode(by, ACTOR, id, clean(input) as Partial<SeedActor>);
  }

  createMeeting(by: Author, input: CreateMeetingInput): Promise<Meeting> {
    const meeting: SeedMeeting = {
      id: input.id ?? (input.city && input.date ? generateId('meeting', input.city, input.date) : generateId('meeting', input.title)),
      title: input.title,
      kind: input.kind ?? undefined,
      round: input.round ?? null,
      date: input.date ?? null,
      startedAt: input.startedAt ?? null,
      endedAt: input.endedAt ?? null,
      durationMinutes: input.durationMinutes ?? null,
      venue: input.venue ?? null,
      city: input.city ?? null,
      status: input.status,
      evidence: evidenceOf(input.evidence),
    };
    return this.createNode(by, MEETING, meeting, input.id == null);
  }

  updateMeeting(by: Author, id: string, input: UpdateMeetingInput): Promise<Meeting> {
    return this.updateNode(by, MEETING, id, clean(input) as Partial<SeedMeeting>);
  }

  createPosition(by: Author, input: CreatePositionInput): Promise<Position> {
    const position: SeedPosition = {
      id: input.id ?? generateId('position', input.title),
      type: input.type,
      title: input.title,
      summary: input.summary ?? null,
      topics: input.topics,
      evidence: evidenceOf(input.evidence),
    };
    return this.createNode(by, POSITION, position, input.id == null);
  }

  updatePosition(by: Author, id: string, input: UpdatePositionInput): Promise<Position> {
    return this.updateNode(by, POSITION, id, clean(input) as Partial<SeedPosition>);
  }

  createDocument(by: Author, input: CreateDocumentInput): Promise<Document> {
    const document: SeedDocument = {
      id: input.id ?? generateId('document', input.title),
      title: input.title,
      kind: input.kind,
      pages: input.pages ?? null,
      parts: input.parts ?? null,
      evidence: evidenceOf(input.evidence),
    };
    return this.createNode(by, DOCUMENT, document, input.id == null);
  }

  updateDocument(by: Author, id: string, input: UpdateDocumentInput): Promise<Document> {
    return this.updateNode(by, DOCUMENT, id, clean(input) as Partial<SeedDocument>);
  }

  createSource(by: Author, input: CreateSourceInput): Promise<Source> {
    const source: SeedSource = {
      id: input.id ?? generateId('source', input.publisher, input.publishedAt),
      publisher: input.publisher,
      title: input.title,
      publishedAt: input.publishedAt ?? null,
      language: input.language ?? null,
      url: input.url ?? null,
      file: null,
      text: input.text == null ? null : normalizeSourceText(input.text),
      retrievedAt: input.text == null ? null : (input.retrievedAt ?? this.clock().toISOString()),
    };
    return this.createNode(by, SOURCE, source, input.id == null);
  }

  updateSource(by: Author, id: string, input: UpdateSourceInput): Promise<Source> {
    return this.updateNode(by, SOURCE, id, clean(input) as Partial<SeedSource>);
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
    checkStance(problems, 'input', stance, this.ruleContext());
    const references: Reference[] = [
      { field: 'input.actorId', id: stance.actorId, kinds: ['actor'] },
      { field: 'input.positionId', id: stance.positionId, kinds: ['position'] },
      ...(stance.meetingId ? [{ field: 'input.meetingId', id: stance.meetingId, kinds: ['meeting'] as const }] : []),
      ...evidenceReferences('input.evidence', stance.evidence),
    ];
    await this.throwWithReferences(problems, references);
    return this.executor.writeTransaction('recordStance', async (scope) => {
      const stamp = this.stamp(by);
      await this.checkGraph(scope, stance.id, 'stance', input.id == null, references);
      await refuseQuotesNotInSources(scope, quotesOf('input.evidence', stance.evidence));
      const created = await repository.createStance(scope, stanceRow(stance), stamp);
      await repository.writeAudit(
        scope,
        [
          {
            action: AuditAction.CREATE,
            targetKind: AuditTargetKind.STANCE,
            targetId: stance.id,
            summary: `Recorded: ${stance.actorId} ${stance.kind} ${stance.positionId}`,
          },
        ],
        stamp,
        'api',
      );
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

    return this.executor.writeTransaction('addStanceSource', async (scope) => {
      const locked = await repository.lockStance(scope, stanceId);
      if (!locked) throw notFound('stanceId', 'stance', stanceId);
      const { stance } = locked;
      const stamp = this.stampAfter(by, ...locked.changedAt);
      if (stance.status === StanceStatus.RETRACTED)
        throw conflict('stanceId', `"${stanceId}" was retracted; record a new stance instead of adding sources to a retracted one`);
      if (stance.evidence.some((e) => e.sourceId === entry.sourceId)) {
        throw conflict('evidence.sourceId', `"${entry.sourceId}" is already quoted for stance "${stanceId}"; a stance keeps one quote per source`);
      }
      const found = await repository.findIds(scope, [entry.sourceId]);
      checkReferencesExist(problems, [{ field: 'evidence.sourceId', id: entry.sourceId, kinds: ['source'] }], found);
      problems.throwIfAny();
      await refuseQuotesNotInSources(scope, [{ field: 'evidence.quote', ...entry }]);
      const updated = await repository.setStanceEvidence(scope, stanceId, provenance([...stance.evidence, entry]), stamp);
      await repository.writeAudit(
        scope,
        [
          {
            action: AuditAction.ADD_SOURCE,
            targetKind: AuditTargetKind.STANCE,
            targetId: stanceId,
            summary: `Added source ${entry.sourceId}`,
            changes: { evidence: { added: entry } },
          },
        ],
        stamp,
        'api',
      );
      return updated;
    });
  }

  /** Marks a stance retracted (who, when, why). The edge stays; default queries hide it. */
  async retractStance(by: Author, stanceId: string, reason: string): Promise<Stance> {
    const problems = new Problems();
    checkId(problems, 'id', stanceId, 'stance');
    checkReason(problems, 'reason', reason);
    problems.throwIfAny();
    return this.executor.writeTransaction('retractStance', async (scope) => {
      const locked = await repository.lockStance(scope, stanceId);
      if (!locked) throw notFound('id', 'stance', stanceId);
      const { stance } = locked;
      const stamp = this.stampAfter(by, ...locked.changedAt);
      if (stance.status === StanceStatus.RETRACTED) {
        throw conflict('id', `"${stanceId}" was already retracted (by ${stance.retractedBy ?? 'unknown'} at ${stance.retractedAt ?? 'an unknown time'})`);
      }
      const retracted = await repository.retractStance(scope, stanceId, reason.trim(), stamp);
      await repository.writeAudit(
        scope,
        [
          {
            action: AuditAction.RETRACT,
            targetKind: AuditTargetKind.STANCE,
            targetId: stanceId,
            summary: `Retracted: ${reason.trim()}`,
            changes: { status: { from: StanceStatus.ACTIVE, to: StanceStatus.RETRACTED } },
          },
        ],
        stamp,
        'api',
      );
      return retracted;
    });
  }

  /** Records where sources disagree: every version is kept with its source. */
  async recordDisagreement(by: Author, input: RecordDisagreementInput): Promise<Disagreement> {
    const disagreement: SeedDisagreement = {
      id: input.id ?? generateId('disagreement', slugOfSummary(input.summary)),
      summary: input.summary,
      concerns: input.concerns,
      versions: input.versions.map((v) => ({ sourceId: v.sourceId, claim: v.claim, quote: v.quote })),
    };
    const problems = new Problems();
    checkDisagreement(problems, 'input', disagreement);
    const references: Reference[] = [
      ...disagreement.concerns.map((id, i) => ({ field: `input.concerns[${i}]`, id, kinds: CONCERNABLE_KINDS })),
      ...disagreement.versions.map((v, i) => ({ field: `input.versions[${i}].sourceId`, id: v.sourceId, kinds: ['source'] as const })),
    ];
    await this.throwWithReferences(problems, references);
    return this.executor.writeTransaction('recordDisagreement', async (scope) => {
      const stamp = this.stamp(by);
      await this.checkGraph(scope, disagreement.id, 'disagreement', input.id == null, references);
      await refuseQuotesNotInSources(
        scope,
        disagreement.versions.map((v, i) => ({ field: `input.versions[${i}].quote`, sourceId: v.sourceId, quote: v.quote })),
      );
      const created = await repository.createDisagreement(scope, disagreementRow(disagreement), stamp);
      await repository.writeAudit(
        scope,
        [
          {
            action: AuditAction.CREATE,
            targetKind: AuditTargetKind.DISAGREEMENT,
            targetId: disagreement.id,
            summary: `Recorded disagreement: ${disagreement.summary}`,
          },
        ],
        stamp,
        'api',
      );
      return created;
    });
  }

  private async createNode<S extends { id: string }, R>(by: Author, spec: NodeSpec<S, R>, item: S, generatedId: boolean): Promise<R> {
    const problems = new Problems();
    spec.check(problems, 'input', item, this.ruleContext());
    const references = evidenceReferences('input.evidence', spec.evidence(item));
    await this.throwWithReferences(problems, references);
    return this.executor.writeTransaction(`create ${spec.noun}`, async (scope) => {
      const stamp = this.stamp(by);
      await this.checkGraph(scope, item.id, spec.kind, generatedId, references);
      await refuseQuotesNotInSources(scope, quotesOf('input.evidence', spec.evidence(item)));
      const props = await repository.createNode(scope, spec.createQuery, spec.row(item), stamp, spec.extraParams?.(item));
      await repository.writeAudit(
        scope,
        [{ action: AuditAction.CREATE, targetKind: spec.targetKind, targetId: item.id, summary: `Created ${spec.noun} "${spec.title(item)}"` }],
        stamp,
        'api',
      );
      return spec.toRecord(props);
    });
  }

  private async updateNode<S extends { id: string }, R>(by: Author, spec: NodeSpec<S, R>, id: string, patch: Partial<S>): Promise<R> {
    const idProblems = new Problems();
    checkId(idProblems, 'id', id, spec.kind);
    idProblems.throwIfAny();
    return this.executor.writeTransaction(`update ${spec.noun}`, async (scope) => {
      const stored = await repository.lockNode(scope, spec.label, id);
      if (!stored) throw notFound('id', spec.noun, id);
      const stamp = this.stampAfter(by, stored['recordedAt'], stored['updatedAt']);
      const current = spec.fromStored(stored);
      const next = { ...current, ...patch, id };
      const problems = new Problems();
      spec.check(problems, 'input', next, this.ruleContext());
      problems.throwIfAny();
      const changed = changedFields(current, next, spec.editable);
      // Nothing to change: write nothing, not even an audit entry.
      if (changed.length === 0) return spec.toRecord(stored);
      const props = await repository.updateNode(scope, spec.mergeQuery, spec.label, spec.row(next), stamp);
      const changes = Object.fromEntries(changed.map((field) => [field, { from: current[field] ?? null, to: next[field] ?? null }]));
      await repository.writeAudit(
        scope,
        [
          {
            action: AuditAction.UPDATE,
            targetKind: spec.targetKind,
            targetId: id,
            summary: `Updated ${spec.noun} "${spec.title(next)}": ${changed.join(', ')}`,
            changes,
          },
        ],
        stamp,
        'api',
      );
      return spec.toRecord(props);
    });
  }

  /** In the transaction: the new id is free, and every reference exists with the right kind. */
  private async checkGraph(scope: Runner, id: string, kind: IdKind, generatedId: boolean, references: readonly Reference[]): Promise<void> {
    const found = await repository.findIds(scope, [id, ...references.map((r) => r.id)]);
    if (found.has(id)) {
      const hint =
        kind === 'stance'
          ? 'to add a source to that claim use addStanceSource; for the same stance at another meeting pass an id with a date suffix'
          : `change it with update${kind[0]?.toUpperCase()}${kind.slice(1)}, or choose another id`;
      throw conflict('input.id', `${generatedId ? `(made from the input) ` : ''}"${id}" already exists; ${hint}`);
    }
    const problems = new Problems();
    checkReferencesExist(problems, references, found);
    problems.throwIfAny();
  }

  /**
   * When the input already has problems, adds those of its references (one read, nothing
   * written) so the client learns every problem at once, then throws. Without problems it
   * does nothing: the references are checked again inside the write transaction.
   */
  private async throwWithReferences(problems: Problems, references: readonly Reference[]): Promise<void> {
    if (problems.empty) return;
    const malformed = new Set(problems.list.map((p) => p.field));
    const checkable = references.filter((ref) => !malformed.has(ref.field));
    if (checkable.length > 0) {
      const found = await repository.findIds(
        repository.readRunner(this.executor),
        checkable.map((ref) => ref.id),
      );
      checkReferencesExist(problems, checkable, found);
    }
    problems.throwIfAny();
  }

  private ruleContext(): RuleContext {
    return { now: this.clock() };
  }

  private stamp(by: Author): Stamp {
    return { now: this.clock().toISOString(), by: by.name };
  }

  /**
   * The time of a change to an existing item, taken once its write lock is held: a writer
   * that waited for the lock stamps after the change it waited for, so the audit log lists
   * one item's changes in commit order. A clock behind the item's last change (another
   * replica, a clock step) is moved just past it, for the same reason.
   */
  private stampAfter(by: Author, ...previous: unknown[]): Stamp {
    let at = this.clock().getTime();
    for (const value of previous) {
      const last = typeof value === 'string' ? Date.parse(value) : Number.NaN;
      if (Number.isFinite(last) && last >= at) at = last + 1;
    }
    return { now: new Date(at).toISOString(), by: by.name };
  }
}

/** Disagreement ids name the disputed point: the first words of the summary. */
function slugOfSummary(summary: string): string {
  return summary.split(/\s+/).slice(0, 8).join(' ');
}
