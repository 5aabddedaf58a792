/**
 * Every GraphQL example in the README is followed by the JSON it returns; this runs each one
 * against the seeded database and compares, so the README cannot drift from the service.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { PROJECT_ROOT } from '../../src/local-neo4j/local-neo4j.js';
import { createTestApp, execute } from '../helpers/test-app.js';

const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g)].map((match) => ({
  query: match[1] as string,
  expected: JSON.parse(match[2] as string) as unknown,
  name: /query (\w+)/.exec(match[1] as string)?.[1] ?? 'anonymous',
}));

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

describe('README examples', () => {
  it('has the examples the README promises', () => {
    expect(examples.map((e) => e.name)).toEqual([
      'WhoRejectedTheCeasefire',
      'WhatMedinskyProposed',
      'AgreedOnJune2',
      'RussiasMemorandum',
      'CeasefireLengthDisagreement',
      'WhatChangedBetweenRounds',
      'WhoErdogansProposalInvolves',
    ]);
  });

  it.each(examples)('$name returns what the README shows', async ({ query, expected }) => {
    expect(JSON.parse(JSON.stringify(await execute(app, query)))).toEqual(expected);
  });
});
