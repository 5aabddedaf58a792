import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { isAbstractType, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';

import { renderSchemaSdl } from '../../src/graph/schema-sdl.js';
import { buildAppSchema } from '../../src/graph/schema.js';
import { PROJECT_ROOT } from '../../src/config/paths.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run "npm run schema:emit" after changing types)', async () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchemaSdl());
  });

  it('resolves positions and graph nodes to their types at once, not through a promise per item', async () => {
    const schema = await buildAppSchema();
    const resolveTypeOf = (name: string) => {
      const type = schema.getType(name);
      if (!isAbstractType(type) || !type.resolveType) throw new Error(`${name} has no resolveType`);
      return (value: unknown) => type.resolveType?.(value, {}, {} as never, type);
    };
    expect(resolveTypeOf('Position')({ type: 'PROPOSAL' })).toBe('Proposal');
    expect(resolveTypeOf('GraphNode')({ nodeKind: 'Position', type: 'DEMAND' })).toBe('Demand');
    expect(resolveTypeOf('GraphNode')({ nodeKind: 'Stance' })).toBe('Stance');
  });

  it('keeps the contract names of DOMAIN.md', async () => {
    const schema = await buildAppSchema();
    const fieldsOf = (name: string) => {
      const type = schema.getType(name);
      return type && 'getFields' in type ? Object.keys(type.getFields()) : [];
    };
    for (const name of ['Actor', 'Meeting', 'Position', 'Demand', 'Proposal', 'Concession', 'Stance', 'Source', 'Document', 'Disagreement', 'Evidence']) {
      expect(schema.getType(name), name).toBeDefined();
    }
    expect(fieldsOf('Actor')).toEqual(expect.arrayContaining(['proposed', 'rejected', 'agreedTo', 'considering']));
    expect(fieldsOf('Position')).toEqual(expect.arrayContaining(['proposedBy', 'rejectedBy', 'agreedBy', 'consideredBy']));
    expect(fieldsOf('Stance')).toEqual(expect.arrayContaining(['kind', 'actor', 'position', 'meeting', 'date', 'sources', 'evidence', 'plover', 'cameo']));
    expect(fieldsOf('Evidence')).toEqual(expect.arrayContaining(['source', 'quote']));
    expect(fieldsOf('Query')).toEqual(
      expect.arrayContaining([
        'actor',
        'actors',
        'meeting',
        'meetings',
        'position',
        'positions',
        'stances',
        'search',
        'sources',
        'disagreements',
        'commonGround',
        'disputes',
        'connection',
        'timeline',
      ]),
    );
    const stanceKind = schema.getType('StanceKind');
    expect(isEnumType(stanceKind) ? stanceKind.getValues().map((v) => v.name) : []).toEqual(['AGREED_TO', 'CONSIDERING', 'PROPOSED', 'REJECTED']);
  });
});
