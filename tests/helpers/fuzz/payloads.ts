/**
 * The hostile shapes of the fuzz test: search and filter strings, pagination extremes, query
 * bombs (depth, aliases, directives, fragment fan-out, long argument lists) and malformed
 * import datasets. Each returns a GraphQL document or a JSON value; requests.ts sends them.
 */
import { EXTREME_INTS, NASTY_STRINGS, NON_INTS, randomInt, randomString, type Rng, SEED_IDS } from './random.js';

const PAGED_LISTS = ['actors', 'meetings', 'positions', 'stances', 'sources', 'documents', 'disagreements'];

/** A search or name filter with a hostile string, as a literal or as a variable. */
export function searchOperation(rng: Rng): { query: string; variables?: Record<string, unknown> } {
  const text = rng.chance(0.7) ? rng.pick(NASTY_STRINGS) : randomString(rng);
  const field = rng.pick([
    'search(text: $text, limit: 20) { __typename }',
    'search(text: $text) { __typename }',
    'actors(name: $text) { total items { id name } }',
    'positions(title: $text) { total items { id title } }',
    'meetings(title: $text) { total }',
    'stances(filter: { actorIds: [$text] }) { total }',
    'actor(id: $text) { id }',
    'connection(fromId: $text, toId: "actor:ukraine") { __typename }',
  ]);
  if (rng.chance(0.3)) return { query: `{ ${field.replaceAll('$text', JSON.stringify(text))} }` };
  return { query: `query Search($text: String!) { ${field} }`, variables: { text } };
}

/** A paged list asked for a page at or past its bounds, as a literal or as variables. */
export function paginationOperation(rng: Rng): { query: string; variables?: Record<string, unknown> } {
  const list = rng.pick([...PAGED_LISTS, 'auditLog']);
  if (rng.chance(0.5)) {
    const page = { limit: rng.chance(0.8) ? rng.pick([...EXTREME_INTS, ...NON_INTS]) : undefined, offset: rng.pick([...EXTREME_INTS, ...NON_INTS]) };
    return { query: `query Page($page: PageInput) { ${list}(page: $page) { total limit offset items { __typename } } }`, variables: { page } };
  }
  const nested = rng.chance(0.3) ? ` items { __typename ... on Actor { proposed { id } } }` : ' items { __typename }';
  const limitText = rng.chance(0.8) ? `limit: ${randomInt(rng)}` : `limit: ${rng.pick(['2147483648', '-2147483649', '1.5', '"10"', 'null', '1e3'])}`;
  const offsetText = `offset: ${rng.chance(0.8) ? randomInt(rng) : rng.pick(['99999999999', '-0', 'null', '"0"'])}`;
  const others = rng.pick([
    '',
    ' search(text: "ceasefire", limit: 2147483647) { __typename }',
    ' timeline(limit: 1001) { __typename }',
    ' connection(fromId: "actor:russia", toId: "actor:ukraine", limit: 26) { __typename }',
  ]);
  return { query: `{ ${list}(page: { ${limitText}, ${offsetText} }) { total${nested} }${others} }` };
}

/** The shapes that once froze or killed the service, at random sizes. */
export function bombOperation(rng: Rng): string {
  const kind = rng.pick(['depth', 'aliases', 'directives', 'fragments', 'fanout', 'arguments', 'variables', 'longName', 'introspection', 'connections']);
  switch (kind) {
    case 'depth': {
      const levels = rng.int(5, 300);
      let inner = 'id';
      for (let i = 0; i < levels; i++) inner = i % 2 === 0 ? `proposed { actor { ${inner} } }` : `position { proposedBy { ${inner} } }`;
      return `{ actor(id: "actor:russia") { ${inner} } }`;
    }
    case 'aliases': {
      const count = rng.pick([50, 101, 500, 2000, 10_000]);
      const field = rng.pick([
        'actors { total }',
        'actor(id: "actor:russia") { name proposed { id } }',
        '__typename',
        'search(text: "ceasefire") { __typename }',
      ]);
      return `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    }
    case 'directives': {
      const count = rng.pick([10, 100, 1000, 20_000]);
      const directive = rng.pick(['@include(if: true)', '@skip(if: false)', '@deprecated', '@unknown']);
      return `{ actors ${directive.repeat(count)} { total } }`;
    }
    case 'fragments': {
      // Fragment N spreads fragment N+1 twice: a naive walk costs 2^N.
      const n = rng.int(8, 200);
      const parts = [`query Bomb { actor(id: "actor:russia") { ...F0 } }`];
      for (let i = 0; i < n; i++) parts.push(`fragment F${i} on Actor { name ...F${i + 1} ...F${i + 1} }`);
      parts.push(`fragment F${n} on Actor { id }`);
      return parts.join('\n');
    }
    case 'fanout':
      return `{ actors(page: { limit: 200 }) { items { proposed { position { proposedBy { actor { rejected { position { agreedBy { actor { name } } } } } } } } } } }`;
    case 'arguments':
      return `{ stances(filter: { actorIds: [${Array.from({ length: rng.pick([100, 101, 5000]) }, (_, i) => `"actor:a${i}"`).join(',')}] }) { total } }`;
    case 'variables':
      return `query V(${Array.from({ length: rng.pick([100, 3000]) }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`;
    case 'longName':
      return `{ ${'a'.repeat(rng.pick([1000, 100_000]))} }`;
    case 'introspection':
      return `{ __schema { types { name fields { name args { name type { name ofType { name ofType { name } } } } } } } }`;
    default:
      return `{ ${Array.from({ length: rng.pick([20, 100, 150]) }, (_, i) => `c${i}: connection(fromId: "${rng.pick(SEED_IDS)}", toId: "${rng.pick(SEED_IDS)}", limit: 25) { __typename }`).join(' ')} }`;
  }
}

/** A dataset in (or near) the seed format whose every id carries the marker. */
function markedDataset(rng: Rng, marker: string): Record<string, unknown> {
  const source = `source:${marker}-wire-2025-06-03`;
  const evidence = [{ sourceId: source, quote: 'The negotiator said so.' }];
  return {
    $schema: '../schema/seed.schema.json',
    sources: [{ id: source, publisher: 'Fuzz Wire', title: 'Talks', publishedAt: '2025-06-03', language: 'en' }],
    actors: [{ id: `actor:${marker}-${rng.int(0, 9)}`, name: 'Fuzz Negotiator', kind: 'PERSON', aliases: [], evidence }],
    meetings: [{ id: `meeting:${marker}-istanbul-2025-06-03`, title: 'Fuzz round', date: '2025-06-03', status: 'HELD', evidence }],
    positions: [{ id: `position:${marker}-swap`, type: 'PROPOSAL', title: 'Swap', topics: ['PRISONERS_AND_REMAINS'], evidence }],
    stances: [
      {
        id: `stance:${marker}-russia-proposed-swap`,
        kind: 'PROPOSED',
        actorId: 'actor:russia',
        positionId: `position:${marker}-swap`,
        meetingId: `meeting:${marker}-istanbul-2025-06-03`,
        date: '2025-06-03',
        evidence,
      },
    ],
  };
}

/** Damages a dataset: wrong types, missing and unknown keys, huge or deep values, duplicates. */
export function malformedDataset(rng: Rng, marker: string): unknown {
  const data = markedDataset(rng, marker);
  const section = rng.pick(['sources', 'actors', 'meetings', 'positions', 'stances']);
  const items = data[section] as Array<Record<string, unknown>>;
  const item = items[0] as Record<string, unknown>;
  const key = rng.pick(Object.keys(item));
  const damage = rng.pick(['wrongType', 'drop', 'unknownKey', 'huge', 'deep', 'duplicate', 'manyItems', 'notObject', 'nullSection', 'danglingRef']);
  switch (damage) {
    case 'wrongType':
      item[key] = rng.pick([42, true, null, [], {}, 'x', -1, 1e308]);
      break;
    case 'drop':
      delete item[key];
      break;
    case 'unknownKey':
      item[`unknown${rng.int(0, 9)}`] = randomString(rng);
      break;
    case 'huge':
      item[rng.pick(['title', 'name', 'summary', 'quote', 'description'])] = 'x'.repeat(rng.pick([301, 2001, 40_000, 200_000]));
      break;
    case 'deep': {
      let deep: unknown = 'bottom';
      for (let i = 0; i < rng.pick([50, 500, 5000]); i++) deep = rng.chance(0.5) ? [deep] : { a: deep };
      item[key] = deep;
      break;
    }
    case 'duplicate':
      items.push({ ...item });
      break;
    case 'manyItems':
      for (let i = 0; i < rng.pick([100, 2000]); i++) items.push({ ...item, id: `${String(item['id'])}-${i}` });
      break;
    case 'notObject':
      return rng.pick([[], 'dataset', 42, null, [data], { actors: 'all of them' }]);
    case 'nullSection':
      data[section] = null;
      break;
    default:
      item[rng.pick(['actorId', 'positionId', 'meetingId', 'sourceId'])] = `actor:${marker}-missing`;
  }
  return data;
}
