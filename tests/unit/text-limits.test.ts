/**
 * One set of text limits for the API and the import (issue #9, defect 8): the JSON Schema of
 * the data format carries the bounds the curation API enforces, so a text the database could
 * not index is refused by validation, in the dry run as in the real run, with its JSON path.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { LIMITS, MAX_ID_LENGTH } from '../../src/curation/curation.rules.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';
import { SEED_SCHEMA_PATH, validateDatasets } from '../../src/seed/seed-validator.js';

const schema = JSON.parse(readFileSync(SEED_SCHEMA_PATH, 'utf8')) as { $defs: Record<string, any> };
const prop = (def: string, name: string) => schema.$defs[def].properties[name];

describe('one set of text limits (issue #9, defect 8)', () => {
  it('the JSON Schema carries the maxLength of every text the API limits', () => {
    const expected: Array<[string, string, number]> = [
      ['source', 'publisher', LIMITS.name],
      ['source', 'title', LIMITS.name],
      ['source', 'url', LIMITS.url],
      ['actor', 'name', LIMITS.name],
      ['actor', 'description', LIMITS.text],
      ['meeting', 'title', LIMITS.name],
      ['meeting', 'venue', LIMITS.name],
      ['meeting', 'city', LIMITS.name],
      ['position', 'title', LIMITS.name],
      ['position', 'summary', LIMITS.text],
      ['document', 'title', LIMITS.name],
      ['disagreement', 'summary', LIMITS.text],
      ['disagreementVersion', 'claim', LIMITS.claim],
    ];
    for (const [def, name, max] of expected) expect(prop(def, name).maxLength, `${def}.${name}`).toBe(max);
    expect(prop('actor', 'aliases').items.maxLength).toBe(LIMITS.name);
    expect(schema.$defs['quote'].maxLength).toBe(LIMITS.quote);
    for (const id of ['sourceId', 'actorId', 'meetingId', 'positionId', 'documentId', 'disagreementId', 'stanceId'])
      expect(schema.$defs[id].maxLength, id).toBe(MAX_ID_LENGTH);
  });

  it('and the same bounds on lists', () => {
    expect(schema.$defs['evidence'].maxItems).toBe(LIMITS.evidence);
    expect(prop('actor', 'aliases').maxItems).toBe(LIMITS.aliases);
    expect(prop('disagreement', 'concerns').maxItems).toBe(LIMITS.concerns);
    expect(prop('disagreement', 'versions').maxItems).toBe(LIMITS.versions);
  });

  it('a 40,000-character summary in a dataset is a validation problem with its path, so a dry run finds it', () => {
    const seed = JSON.parse(readFileSync(join(PROJECT_ROOT, 'seed', 'istanbul-2025.json'), 'utf8')) as { positions: Array<{ summary?: string }> };
    const first = seed.positions[0] as { summary?: string };
    first.summary = 'x'.repeat(40_000);
    const { problems } = validateDatasets([{ file: 'big.json', data: seed }]);
    expect(problems.map((p) => p.path)).toContain('$.positions[0].summary');
  });
});
