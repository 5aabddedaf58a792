/** `importDataset`: a dataset in the seed format through the API, on the import pipeline. */
import { JSONResolver } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { ImportReport } from './import.type.js';

@Resolver()
export class ImportResolver {
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
    return ctx.services.importDatasets([{ file: 'dataset', data: dataset }], { dryRun: dryRun ?? false, by: by.name, via: 'import' });
  }
}
