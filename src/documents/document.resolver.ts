import { Arg, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';

import { Actor } from '../actors/actor.type.js';
import type { RequestContext } from '../graph/context.js';
import { Position } from '../positions/position.type.js';
import { DocumentKind } from '../shared/enums.js';
import { loadExisting } from '../shared/load.js';
import { PAGE_ARG, PageInput, toWindow } from '../shared/page.js';
import { PageOf } from '../shared/page.type.js';
import { listPageArg, toListWindow } from '../shared/paging.js';
import { Document } from './document.type.js';

@ObjectType({ description: 'A page of documents and how many match in total.' })
export class DocumentPage extends PageOf(Document, 'Document') {}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => Document, { nullable: true, description: 'One document by id; null when there is none.' })
  async document(@Arg('id', () => ID, { description: 'The id to look up.' }) id: string, @Ctx() ctx: RequestContext): Promise<Document | null> {
    return ctx.loaders.document.load(id);
  }

  @Query(() => DocumentPage, { description: 'Documents exchanged in the talks, by title.' })
  async documents(
    @Arg('kind', () => DocumentKind, { nullable: true, description: 'Only documents of this kind.' }) kind: DocumentKind | null,
    @Arg('page', () => PageInput, PAGE_ARG) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DocumentPage> {
    return ctx.repos.documents.list(kind ?? null, toWindow(page));
  }

  @FieldResolver(() => [Actor], { description: 'Who wrote or handed over the document.' })
  async authors(@Root() document: Document, @Arg('page', () => PageInput, listPageArg()) page: PageInput | null, @Ctx() ctx: RequestContext): Promise<Actor[]> {
    const links = await ctx.loaders.authorshipByDocument.load({ id: document.id, window: toListWindow(page) });
    return loadExisting(
      ctx.loaders.actor,
      links.map((link) => link.fromId),
    );
  }

  @FieldResolver(() => [Position], { description: 'The demands, proposals and concessions it contains.' })
  async positions(
    @Root() document: Document,
    @Arg('page', () => PageInput, listPageArg()) page: PageInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Position[]> {
    const links = await ctx.loaders.contentsByDocument.load({ id: document.id, window: toListWindow(page) });
    return loadExisting(
      ctx.loaders.position,
      links.map((link) => link.toId),
    );
  }
}
