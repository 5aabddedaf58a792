import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { renderSchemaSdl } from '../../src/graph/schema-sdl.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run "npm run schema:emit" after changing types)', async () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await renderSchemaSdl());
  });

  it('keeps the contract names of DOMAIN.md', async () => {
    const sdl = await renderSchemaSdl();
    for (const name of ['type Actor', 'type Meeting', 'interface Position', 'type Demand', 'type Proposal', 'type Concession', 'type Stance', 'type Source', 'type Document', 'type Disagreement', 'type Evidence']) {
      expect(sdl).toContain(name);
    }
    for (const field of ['proposed(', 'rejected(', 'agreedTo(', 'considering(', 'proposedBy(', 'rejectedBy(', 'agreedBy(', 'consideredBy(']) {
      expect(sdl).toContain(field);
    }
    for (const query of ['actor(id: ID!)', 'actors(', 'meeting(id: ID!)', 'meetings(', 'position(id: ID!)', 'positions(', 'stances(', 'search(', 'sources(', 'disagreements(', 'commonGround(', 'disputes(', 'connection(', 'timeline(']) {
      expect(sdl).toContain(query);
    }
  });
});
