/**
 * What stays cross-entity in curation: the audit log (every entity's changes). The mutations
 * of each entity are in its feature folder (`<feature>-curation.resolver.ts`), on the write
 * kernel of src/write/; imports are in src/import/.
 */
import { Arg, Authorized, Ctx, ObjectType, Query, Resolver } from 'type-graphql';

import type { RequestContext } from '../request/context.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { AuditEntry, AuditFilter } from './audit.type.js';
import { AUDIT_COUNT_CAP } from './curation.repository.js';

@ObjectType({ description: 'A page of the audit log and how many entries match in total.' })
export class AuditEntryPage extends PageOf(AuditEntry, 'AuditEntry') {}

@Resolver()
export class CurationResolver {
  // Who holds which token and role is for the people who write, not for every reader.
  @Authorized('editor')
  @Query(() => AuditEntryPage, {
    description: `Changes made to the graph (who, what, when), newest first (role editor: it names token holders, token ids and roles). The total is exact for the whole log and for one item's entries (\`targetId\`); filtered by editor, action or kind alone it is exact up to ${AUDIT_COUNT_CAP} matches, and past that it is the size of the whole log (an upper bound: later pages may come back empty).`,
  })
  async auditLog(
    @Arg('filter', () => AuditFilter, { nullable: true, description: 'Which entries; all when left out.' }) filter: AuditFilter | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AuditEntryPage> {
    const window = toWindow(page);
    const list = <T>(values: T[] | null | undefined) => (values && values.length > 0 ? values : null);
    const result = await ctx.services.listAudit({
      targetId: filter?.targetId ?? null,
      by: filter?.by ?? null,
      actions: list(filter?.actions),
      targetKinds: list(filter?.targetKinds),
      ...window,
    });
    return { ...window, ...result };
  }
}
