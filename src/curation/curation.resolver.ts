/**
 * The curation mutations and the audit log. Every mutation checks the caller's role first
 * (editor; admin to retract), then hands over to the service, which validates and writes in
 * one transaction.
 */
import { JSONResolver } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import { requireRole } from '../auth/access.js';
import { Disagreement } from '../disagreements/disagreement.type.js';
import { Document } from '../documents/document.type.js';
import type { RequestContext } from '../graph/context.js';
import { Meeting } from '../meetings/meeting.type.js';
import { Position } from '../positions/position.type.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { Source } from '../sources/source.type.js';
import { Stance } from '../stances/stance.type.js';
import { AuditEntry, AuditFilter } from './audit.type.js';
import {
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
import { listAudit } from './curation.repository.js';
import { CurationService } from './curation.service.js';
import { importDatasets } from './import.service.js';
import { ImportReport } from './import.type.js';

@ObjectType({ description: 'A page of the audit log and how many entries match in total.' })
export class AuditEntryPage extends PageOf(AuditEntry, 'AuditEntry') {}

const service = (ctx: RequestContext) => new CurationService(ctx.executor);
const editor = (ctx: RequestContext) => requireRole(ctx, 'editor');

@Resolver()
export class CurationResolver {
  @Mutation(() => Actor, { description: 'Creates an actor (role editor). CONFLICT when the id exists.' })
  async createActor(
    @Arg('input', () => CreateActorInput, { description: 'The new actor.' }) input: CreateActorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Actor> {
    return service(ctx).createActor(editor(ctx), input);
  }

  @Mutation(() => Actor, { description: 'Changes an actor’s fields (role editor); the change is kept in the audit log.' })
  async updateActor(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateActorInput, { description: 'The fields to change.' }) input: UpdateActorInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Actor> {
    return service(ctx).updateActor(editor(ctx), id, input);
  }

  @Mutation(() => Meeting, { description: 'Creates a meeting, e.g. a new round (role editor).' })
  async createMeeting(
    @Arg('input', () => CreateMeetingInput, { description: 'The new meeting.' }) input: CreateMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    return service(ctx).createMeeting(editor(ctx), input);
  }

  @Mutation(() => Meeting, { description: 'Changes a meeting’s fields, e.g. PROPOSED → HELD (role editor).' })
  async updateMeeting(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateMeetingInput, { description: 'The fields to change.' }) input: UpdateMeetingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Meeting> {
    return service(ctx).updateMeeting(editor(ctx), id, input);
  }

  @Mutation(() => Position, { description: 'Creates a demand, proposal or concession (role editor).' })
  async createPosition(
    @Arg('input', () => CreatePositionInput, { description: 'The new position.' }) input: CreatePositionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    return service(ctx).createPosition(editor(ctx), input);
  }

  @Mutation(() => Position, { description: 'Changes a position’s fields (role editor).' })
  async updatePosition(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdatePositionInput, { description: 'The fields to change.' }) input: UpdatePositionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Position> {
    return service(ctx).updatePosition(editor(ctx), id, input);
  }

  @Mutation(() => Document, { description: 'Creates a document (role editor).' })
  async createDocument(
    @Arg('input', () => CreateDocumentInput, { description: 'The new document.' }) input: CreateDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Document> {
    return service(ctx).createDocument(editor(ctx), input);
  }

  @Mutation(() => Document, { description: 'Changes a document’s fields (role editor).' })
  async updateDocument(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateDocumentInput, { description: 'The fields to change.' }) input: UpdateDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Document> {
    return service(ctx).updateDocument(editor(ctx), id, input);
  }

  @Mutation(() => Source, { description: 'Creates a source: the report later facts cite (role editor).' })
  async createSource(
    @Arg('input', () => CreateSourceInput, { description: 'The new source.' }) input: CreateSourceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return service(ctx).createSource(editor(ctx), input);
  }

  @Mutation(() => Source, { description: 'Changes a source’s fields (role editor).' })
  async updateSource(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateSourceInput, { description: 'The fields to change.' }) input: UpdateSourceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Source> {
    return service(ctx).updateSource(editor(ctx), id, input);
  }

  @Mutation(() => Stance, {
    description:
      'Records that an actor took a stance on a position (role editor). At least one source with a verbatim quote is required; actor, position, meeting and sources must exist.',
  })
  async recordStance(
    @Arg('input', () => RecordStanceInput, { description: 'The stance, with its sources.' }) input: RecordStanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).recordStance(editor(ctx), input);
  }

  @Mutation(() => Stance, { description: 'Adds another source, with its quote, to an existing stance (role editor): one claim, many sources.' })
  async addStanceSource(
    @Arg('stanceId', () => ID, { description: 'The stance to add the source to.' }) stanceId: string,
    @Arg('evidence', () => EvidenceInput, { description: 'The source and its verbatim quote.' }) evidence: EvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).addStanceSource(editor(ctx), stanceId, evidence);
  }

  @Mutation(() => Disagreement, { description: 'Records a point on which sources disagree, with each source’s version (role editor).' })
  async recordDisagreement(
    @Arg('input', () => RecordDisagreementInput, { description: 'The disagreement, with each source’s version.' }) input: RecordDisagreementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Disagreement> {
    return service(ctx).recordDisagreement(editor(ctx), input);
  }

  @Mutation(() => Stance, {
    description:
      'Retracts a stance (role admin). Nothing is deleted: the stance is kept with who retracted it, when and why, hidden from lists unless includeRetracted is set.',
  })
  async retractStance(
    @Arg('id', () => ID, { description: 'The stance to retract.' }) id: string,
    @Arg('reason', () => String, { description: 'Why it is retracted (kept with the stance).' }) reason: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Stance> {
    return service(ctx).retractStance(requireRole(ctx, 'admin'), id, reason);
  }

  @Mutation(() => ImportReport, {
    description:
      'Imports a dataset in the seed format (seed/README.md) (role editor). The whole dataset is validated first (every problem with its JSON path), then written in one transaction, or nothing is. With dryRun, reports what would be created, updated and left unchanged, and writes nothing.',
  })
  async importDataset(
    @Arg('dataset', () => JSONResolver, { description: 'One dataset in the seed format, as JSON.' }) dataset: unknown,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Only report what would change; write nothing.' }) dryRun: boolean | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReport> {
    const principal = editor(ctx);
    return importDatasets(ctx.executor, [{ file: 'dataset', data: dataset }], { dryRun: dryRun ?? false, by: principal.name, via: 'import' });
  }

  @Query(() => AuditEntryPage, {
    description: 'Changes made to the graph (who, what, when), newest first (role editor: it names token holders, token ids and roles).',
  })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries; all when left out.' }) filter: AuditFilter | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEntryPage> {
    // Who holds which token and role is for the people who write, not for every reader.
    editor(ctx);
    const window = toWindow(page);
    const list = <T>(values: T[] | null | undefined) => (values && values.length > 0 ? values : null);
    const result = await listAudit(ctx.executor, {
      targetId: filter?.targetId ?? null,
      by: filter?.by ?? null,
      actions: list(filter?.actions),
      targetKinds: list(filter?.targetKinds),
      ...window,
    });
    return { ...window, ...result };
  }
}
