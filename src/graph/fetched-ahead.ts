/**
 * The fields a list query usually has answered already: a stance's actor, position and meeting,
 * a fact's sources and a quote's source, fetched with the rows for the client's selection
 * (look-ahead, src/stances/stance-lookahead.ts). A page of 75 stances resolves 150 to 300 of
 * them. Through type-graphql each call builds its resolver data, looks up the resolver
 * instance, sorts and maps the parameter list and runs the (empty) middleware chain, only to
 * return a value the parent holds; wrapped here, a fetched value is returned as it is, and
 * type-graphql's resolver runs only when the loaders must answer (the long tail).
 *
 * The resolvers use the same `fetched*` readers (src/stances/stance-lookahead.ts,
 * src/sources/source.type.ts) first, so both paths answer alike.
 */
import { type GraphQLFieldResolver, GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

import { fetchedSource, fetchedSources } from '../sources/source.type.js';
import { fetchedActor, fetchedMeeting, fetchedPosition } from '../stances/stance-lookahead.js';

type Reader = (root: never) => unknown;

const BY_TYPE: Record<string, Record<string, Reader>> = {
  Stance: { actor: fetchedActor, position: fetchedPosition, meeting: fetchedMeeting },
  Evidence: { source: fetchedSource },
};

/** `sources` of every type that implements Sourced (stances, actors, positions, ...). */
const SOURCED_FIELDS: Record<string, Reader> = { sources: fetchedSources };

function fetchedFirst(read: Reader, resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const value = read(source as never);
    return value !== undefined ? value : resolve(source, args, context, info);
  };
}

/** Names of the fields and resolver methods that carry `@Authorized` roles. */
function authorizedFieldNames(): Set<string> {
  return new Set(getMetadataStorage().authorizedFields.map((field) => field.fieldName));
}

/**
 * Wraps the fields above in place, before the response budget wraps every field (app.ts).
 * A wrapped field answers without type-graphql's handler, so without its role check too:
 * none may carry `@Authorized` (`guarded`), or the service refuses to start.
 */
export function answerFetchedAheadFirst(schema: GraphQLSchema, guarded: ReadonlySet<string> = authorizedFieldNames()): GraphQLSchema {
  const sourced = schema.getType('Sourced');
  for (const type of Object.values(schema.getTypeMap())) {
    if (!(type instanceof GraphQLObjectType)) continue;
    const readers = { ...BY_TYPE[type.name], ...(type.getInterfaces().some((item) => item === sourced) ? SOURCED_FIELDS : {}) };
    for (const [name, read] of Object.entries(readers)) {
      const field = type.getFields()[name];
      if (!field?.resolve) throw new Error(`${type.name}.${name} has no resolver to answer fetched values ahead of`);
      if (guarded.has(name)) throw new Error(`${type.name}.${name} is @Authorized: its fetched values must go through the role check`);
      field.resolve = fetchedFirst(read, field.resolve);
    }
  }
  return schema;
}
