/**
 * Values fetched ahead with a list are answered as they are, without type-graphql's resolver;
 * anything not fetched still goes to the resolver and its loaders. On the app's own schema.
 */
import 'reflect-metadata';

import { type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema, isObjectType } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

import { answerFetchedAheadFirst } from '../../src/graph/fetched-ahead.js';
import { buildAppSchema } from '../../src/graph/schema.js';

let schema: GraphQLSchema;

beforeAll(async () => {
  schema = answerFetchedAheadFirst(await buildAppSchema());
});

function field(typeName: string, name: string): GraphQLField<unknown, unknown> {
  const type = schema.getType(typeName) as GraphQLObjectType;
  const found = type.getFields()[name];
  if (!found?.resolve) throw new Error(`${typeName}.${name} has no resolver`);
  return found;
}

/** Loaders that record what they were asked and answer with a marked item. */
function loaderContext() {
  const asked: string[] = [];
  const loader = (name: string) => ({
    load: (id: string) => {
      asked.push(`${name}:${id}`);
      return Promise.resolve({ id, loadedBy: name });
    },
    loadMany: (ids: string[]) => {
      asked.push(...ids.map((id) => `${name}:${id}`));
      return Promise.resolve(ids.map((id) => ({ id, loadedBy: name })));
    },
  });
  return { asked, context: { loaders: { actor: loader('actor'), position: loader('position'), meeting: loader('meeting'), source: loader('source') } } };
}

const resolve = (typeName: string, name: string, root: unknown, context: unknown) =>
  field(typeName, name).resolve?.(root, {}, context, { fieldName: name } as GraphQLResolveInfo);

const stance = { id: 'stance:1', kind: 'REJECTED', actorId: 'actor:x', positionId: 'position:p', meetingId: 'meeting:m', evidence: [] as unknown[] };

describe('fields fetched ahead', () => {
  it('answers a stance’s actor, position and meeting from what was fetched, asking no loader', () => {
    const { asked, context } = loaderContext();
    const ahead = { actor: { id: 'actor:x', name: 'Medinsky' }, position: { id: 'position:p', type: 'DEMAND', title: 'A ceasefire' }, meeting: null };
    const root = { ...stance, ahead };
    expect(resolve('Stance', 'actor', root, context)).toBe(ahead.actor);
    expect(resolve('Stance', 'position', root, context)).toBe(ahead.position);
    // Known to be at no meeting: null, not a loader query for its meetingId.
    expect(resolve('Stance', 'meeting', root, context)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('leaves what was not fetched to the resolvers and their loaders', async () => {
    const { asked, context } = loaderContext();
    await expect(resolve('Stance', 'actor', stance, context)).resolves.toMatchObject({ id: 'actor:x', loadedBy: 'actor' });
    await expect(resolve('Stance', 'position', { ...stance, ahead: {} }, context)).resolves.toMatchObject({ id: 'position:p', loadedBy: 'position' });
    await expect(resolve('Stance', 'meeting', stance, context)).resolves.toMatchObject({ id: 'meeting:m', loadedBy: 'meeting' });
    await expect(resolve('Evidence', 'source', { sourceId: 'source:s', quote: 'q' }, context)).resolves.toMatchObject({ id: 'source:s', loadedBy: 'source' });
    expect(asked).toEqual(['actor:actor:x', 'position:position:p', 'meeting:meeting:m', 'source:source:s']);
  });

  it('answers the sources of every type with evidence when each quote’s source was fetched, and loads them all when one was not', async () => {
    const sourced = Object.values(schema.getTypeMap()).filter(
      (type): type is GraphQLObjectType => isObjectType(type) && type.getInterfaces().some((item) => item.name === 'Sourced'),
    );
    expect(sourced.map((type) => type.name)).toEqual(expect.arrayContaining(['Stance', 'Actor', 'Demand', 'Meeting', 'Document']));
    const reuters = { id: 'source:r', publisher: 'Reuters' };
    for (const type of sourced) {
      const { asked, context } = loaderContext();
      const fetched = { evidence: [{ sourceId: 'source:r', quote: 'q', source: reuters }] };
      expect(resolve(type.name, 'sources', fetched, context)).toEqual([reuters]);
      expect(resolve('Evidence', 'source', fetched.evidence[0], context)).toBe(reuters);
      const partly = { evidence: [...fetched.evidence, { sourceId: 'source:t', quote: 'q2' }] };
      await expect(resolve(type.name, 'sources', partly, context)).resolves.toMatchObject([{ id: 'source:r' }, { id: 'source:t' }]);
      expect(asked).toEqual(['source:source:r', 'source:source:t']);
    }
  });

  it('does not call the resolver it wraps for a fetched value, and calls it for everything else', async () => {
    const own = await buildAppSchema();
    const calls: string[] = [];
    const wrapped = [
      ['Stance', 'actor'],
      ['Stance', 'position'],
      ['Stance', 'meeting'],
      ['Evidence', 'source'],
      ['Stance', 'sources'],
      ['Actor', 'sources'],
    ] as const;
    // Stand-ins for type-graphql's resolvers, installed before wrapping.
    for (const [typeName, name] of wrapped) {
      const target = (own.getType(typeName) as GraphQLObjectType).getFields()[name];
      if (target) target.resolve = () => calls.push(`${typeName}.${name}`);
    }
    answerFetchedAheadFirst(own);
    const call = (typeName: string, name: string, root: unknown) =>
      (own.getType(typeName) as GraphQLObjectType).getFields()[name]?.resolve?.(root, {}, {}, { fieldName: name } as GraphQLResolveInfo);
    const source = { id: 'source:r', publisher: 'Reuters' };
    const fetched = {
      ...stance,
      evidence: [{ sourceId: 'source:r', quote: 'q', source }],
      ahead: { actor: { id: 'actor:x' }, position: { id: 'position:p' }, meeting: null },
    };
    for (const [typeName, name] of wrapped) call(typeName, name, typeName === 'Evidence' ? fetched.evidence[0] : fetched);
    expect(calls).toEqual([]);
    const notFetched = { ...stance, evidence: [{ sourceId: 'source:r', quote: 'q' }] };
    for (const [typeName, name] of wrapped) call(typeName, name, typeName === 'Evidence' ? notFetched.evidence[0] : notFetched);
    expect(calls).toEqual(wrapped.map(([typeName, name]) => `${typeName}.${name}`));
  });

  it('refuses to answer a field guarded by @Authorized without its role check', async () => {
    await expect(async () => answerFetchedAheadFirst(await buildAppSchema(), new Set(['recordedBy', 'position']))).rejects.toThrow(
      /Stance.position is @Authorized/,
    );
  });
});
