/**
 * The fuzz generator itself: a request is a function of (seed, index) alone, so a printed
 * failure can be regenerated; and the writes it sends with an editor token only ever name
 * ids carrying the run marker, so the fuzz test cannot change the seed.
 */
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';

import { buildAppSchema } from '../../src/graph/schema.js';
import { readExampleOperations } from '../../src/web/example-operations.js';
import { generateRequest, type GenerateContext } from '../helpers/fuzz/requests.js';

const MARKER = 'test-0badf00d';
let ctx: GenerateContext;

beforeAll(async () => {
  ctx = { schema: await buildAppSchema(), marker: MARKER, examples: readExampleOperations().examples.map((e) => e.query) };
});

/** The literal value of every `id`/`stanceId` argument and `input.id` field of a mutation. */
function targetIds(query: string): string[] {
  const ids: string[] = [];
  const document = parse(query, { noLocation: true });
  JSON.stringify(document, (_key, value: unknown) => {
    const node = value as { kind?: string; name?: { value: string }; value?: { kind: string; value?: string } } | null;
    if (node?.kind === 'Argument' || node?.kind === 'ObjectField') {
      if (['id', 'stanceId'].includes(node.name?.value ?? '') && node.value?.kind === 'StringValue') ids.push(node.value.value ?? '');
    }
    return value;
  });
  return ids;
}

describe('fuzz generator', () => {
  it('makes the same request from the same seed and index, and others from others', () => {
    expect(generateRequest(42, 7, ctx)).toEqual(generateRequest(42, 7, ctx));
    const distinct = new Set(Array.from({ length: 50 }, (_, i) => JSON.stringify(generateRequest(42, i, ctx))));
    expect(distinct.size).toBeGreaterThan(45);
    expect(JSON.stringify(generateRequest(43, 7, ctx))).not.toBe(JSON.stringify(generateRequest(42, 7, ctx)));
  });

  it('covers every kind of request in a run', { timeout: 60_000 }, () => {
    const kinds = new Set(Array.from({ length: 1000 }, (_, i) => generateRequest(1, i, ctx).kind));
    expect([...kinds].sort()).toEqual(
      [
        'batch',
        'bomb',
        'contentType',
        'editorMutation',
        'example',
        'get',
        'import',
        'malformedJson',
        'otherRoute',
        'oversize',
        'pagination',
        'schemaMutation',
        'schemaQuery',
        'search',
      ].sort(),
    );
  });

  it('sends editor writes only to ids carrying the run marker, and imports of marked data only', { timeout: 60_000 }, () => {
    let imports = 0;
    let mutations = 0;
    for (let i = 0; i < 2000; i++) {
      const request = generateRequest(5, i, ctx);
      if (request.who !== 'editor' || request.method !== 'POST' || !request.body?.includes('mutation')) continue;
      const body = JSON.parse(request.body) as { query: string; variables?: { dataset?: unknown } };
      if (request.kind === 'import') {
        const ids = JSON.stringify(body.variables?.dataset ?? null).match(/"id":"[^"]*"/g) ?? [];
        for (const id of ids) expect(id).toContain(MARKER);
        if (ids.length > 0) imports++;
        continue;
      }
      if (request.kind !== 'editorMutation') continue;
      let ids: string[];
      try {
        ids = targetIds(body.query);
      } catch {
        continue; // not parseable: refused before anything runs
      }
      for (const id of ids) expect(id).toContain(MARKER);
      if (ids.length > 0) mutations++;
      expect(body.query).not.toMatch(/dryRun: false/);
    }
    // The check saw enough of both to mean something.
    expect(imports).toBeGreaterThan(20);
    expect(mutations).toBeGreaterThan(20);
  });
});
