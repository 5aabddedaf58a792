/** The document mutations (role editor); the service validates and writes in one transaction. */
import { Arg, Authorized, Ctx, ID, Mutation, Resolver } from 'type-graphql';

import { Caller } from '../auth/authorization.js';
import type { Principal } from '../auth/token.js';
import type { RequestContext } from '../request/context.js';
import { CreateDocumentInput, UpdateDocumentInput } from './document-curation.input.js';
import { Document } from './document.type.js';

const service = (ctx: RequestContext) => ctx.services.documents;

@Resolver()
export class DocumentCurationResolver {
  @Authorized('editor')
  @Mutation(() => Document, { description: 'Creates a document (role editor).' })
  async createDocument(
    @Arg('input', () => CreateDocumentInput, { description: 'The new document.' }) input: CreateDocumentInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Document> {
    return service(ctx).createDocument(by, input);
  }

  @Authorized('editor')
  @Mutation(() => Document, { description: 'Changes a document’s fields (role editor).' })
  async updateDocument(
    @Arg('id', () => ID, { description: 'The id of the item to change.' }) id: string,
    @Arg('input', () => UpdateDocumentInput, { description: 'The fields to change.' }) input: UpdateDocumentInput,
    @Caller() by: Principal,
    @Ctx() ctx: RequestContext,
  ): Promise<Document> {
    return service(ctx).updateDocument(by, id, input);
  }
}
