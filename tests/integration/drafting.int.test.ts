/**
 * The coding assistant through the API (issue #13, part 3), on the real Neo4j with the seed:
 * candidates for a seed article with verbatim quotes, matched actors and positions from the
 * full-text index, codes; errors for an unknown source or one without text; nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { codeOf, deleteRunData, executeAs, makeTokens, queryAs, runMarker, type TestTokens } from '../helpers/curation.js';
import { createTestApp } from '../helpers/test-app.js';

const marker = runMarker();
let app: App;
let tokens: TestTokens;

const DRAFT = /* GraphQL */ `
  query ($id: ID!, $min: Float) {
    draftStances(sourceId: $id, minConfidence: $min) {
      source {
        id
        text
      }
      candidates {
        id
        kind
        quote
        start
        end
        cue
        confidence
        attribution
        date
        cameo
        plover {
          event
          context
        }
        meeting {
          id
        }
        actor {
          actorId
          name
          matchedBy
          actor {
            id
            name
          }
        }
        positions {
          score
          position {
            id
            title
          }
        }
        suggestedPosition {
          title
          type
          isLikelyNew
        }
      }
    }
  }
`;

async function countAll(): Promise<number> {
  const [row] = await app.executor.runStatement(
    'CALL () { MATCH (n) RETURN count(n) AS c UNION ALL MATCH ()-[r]->() RETURN count(r) AS c } RETURN sum(c) AS total',
    {},
    'READ',
  );
  return Number(row?.['total']);
}

beforeAll(async () => {
  tokens = makeTokens(marker);
  app = await createTestApp({ AUTH_TOKENS: tokens.env });
});

afterAll(async () => {
  if (app) {
    await deleteRunData(app, marker);
    await app.stop();
  }
});

describe('draftStances', () => {
  it('drafts candidates from a seed article: verbatim quotes, known actors, positions by full-text score, codes; and writes nothing', async () => {
    const before = await countAll();
    const data = await queryAs(app, null, DRAFT, { id: 'source:tass-2025-06-02' });
    expect(await countAll()).toBe(before);
    const { text } = data.draftStances.source;
    const candidates = data.draftStances.candidates;
    expect(candidates.length).toBeGreaterThan(5);
    for (const c of candidates) {
      expect(text.slice(c.start, c.end)).toBe(c.quote);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      if (c.actor.actorId) expect(c.actor.actor.id).toBe(c.actor.actorId);
    }
    // TASS reports that Kyiv proposed a new meeting between June 20 and 30.
    const meeting = candidates.find(
      (c: { kind: string; quote: string; actor: { actorId: string } }) =>
        c.kind === 'PROPOSED' && c.actor.actorId === 'actor:ukraine' && c.quote.includes('June 20 and 30'),
    );
    expect(meeting).toBeDefined();
    expect(meeting.positions[0].position.id).toBe('position:next-meeting-june-20-30');
    expect(meeting.meeting).toEqual({ id: 'meeting:istanbul-2025-06-02' });
    expect(meeting.plover.event).toBe('AGREE');
    expect(meeting.cameo).toBe('036');
  });

  it('leaves out candidates below minConfidence', async () => {
    const all = await queryAs(app, null, DRAFT, { id: 'source:cgtn-2025-06-02', min: 0 });
    const sure = await queryAs(app, null, DRAFT, { id: 'source:cgtn-2025-06-02', min: 0.7 });
    expect(sure.draftStances.candidates.length).toBeLessThan(all.draftStances.candidates.length);
    for (const c of sure.draftStances.candidates) expect(c.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('refuses an unknown source (NOT_FOUND), a source without text and a bad minConfidence (BAD_USER_INPUT)', async () => {
    expect(codeOf(await executeAs(app, null, DRAFT, { id: `source:${marker}-nothing` }))).toBe('NOT_FOUND');
    const id = `source:${marker}-bare-2025-07-01`;
    await queryAs(app, tokens.tokens.editor, `mutation ($input: CreateSourceInput!) { createSource(input: $input) { id } }`, {
      input: { id, publisher: 'Bare', title: 'No text' },
    });
    const bare = await executeAs(app, null, DRAFT, { id });
    expect(codeOf(bare)).toBe('BAD_USER_INPUT');
    expect(bare.errors?.[0]?.message).toContain('has no text');
    expect(codeOf(await executeAs(app, null, DRAFT, { id: 'source:tass-2025-06-02', min: 2 }))).toBe('BAD_USER_INPUT');
  });
});
