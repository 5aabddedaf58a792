/**
 * What stays cross-entity in curation: the audit log (every entity's changes) and the import
 * of a whole dataset. The mutations of each entity are in its feature folder
 * (`<feature>-curation.resolver.ts`), on the write kernel of src/write/.
 */
import { JSONResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, ObjectType, Query, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { AuditEntry, AuditFilter } from './audit.type.js';
import { listAudit } from './curation.repository.js';
import { importDatasets } from './import.service.js';
import { ImportReport } from './import.type.js';

@ObjectType({ description: 'A page of the audit log and how many entries match in total.' })
export class AuditEntryPage extends PageOf(AuditEntry, 'AuditEntry') {}

@Resolver()
export class CurationResolver {
  @Authorized('editor')
  @Mutation(() => ImportReport, {
    description:
      'Imports a dataset in the seed format (seed/README.md) (role editor). The whole dataset is validated first (every problem with its JSON path), then written in one transaction, or nothing is. With dryRun, reports what would be created, updated and left unchanged, and writes nothing.',
  })
  async importDataset(
    @Arg('dataset', () => JSONResolver, { description: 'One dataset in the seed format, as JSON.' }) dataset: unknown,
    @Arg('dryRun', () => Boolean, { nullable: true, defaultValue: false, description: 'Only report what would change; write nothing.' }) dryRun: boolean | null,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<ImportReport> {
    return importDatasets(ctx.executor, [{ file: 'dataset', data: dataset }], { dryRun: dryRun ?? false, by: by.name, via: 'import' });
  }

  // Who holds which token and role is for the people who write, not for every reader.
  @Authorized('editor')
  @Query(() => AuditEntryPage, {
    description: 'Changes made to the graph (who, what, when), newest first (role editor: it names token holders, token ids and roles).',
  })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries; all when left out.' }) filter: AuditFilter | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEntryPage> {
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
