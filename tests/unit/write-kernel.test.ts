/**
 * The write kernel (src/write/): the pieces every entity's write shares, as pure functions.
 * The writes themselves run against the real Neo4j in tests/integration/curation.int.test.ts.
 */
import { describe, expect, it } from 'vitest';

import type { Params, QueryRunner, Row } from '../../src/db/executor.js';
import { mergeItems } from '../../src/write/dataset.repository.js';
import { evidenceOf, evidenceReferences, quotesOf } from '../../src/write/evidence.js';
import { checkId, generateId, kindOfId, slugOfId } from '../../src/write/ids.js';
import { conflict, notFound, Problems } from '../../src/write/problems.js';
import { changedFields, checkDistinct, checkReason, sentFields } from '../../src/write/values.js';
import { idTakenMessage, stampAfter } from '../../src/write/writer.js';

const by = { name: 'editor-1' };

describe('stampAfter', () => {
  const now = new Date('2025-07-23T12:00:00.000Z');

  it('stamps with the clock when the item changed before it', () => {
    expect(stampAfter(by, now, ['2025-07-23T11:00:00.000Z', null])).toEqual({ now: '2025-07-23T12:00:00.000Z', by: 'editor-1' });
  });

  it('moves a clock that is behind the item’s last change just past it, so one item’s changes keep commit order', () => {
    expect(stampAfter(by, now, ['2025-07-23T11:00:00.000Z', '2025-07-23T12:30:00.000Z']).now).toBe('2025-07-23T12:30:00.001Z');
    expect(stampAfter(by, now, ['2025-07-23T12:00:00.000Z']).now).toBe('2025-07-23T12:00:00.001Z');
  });

  it('ignores what is not a time (a never-updated item has no updatedAt)', () => {
    expect(stampAfter(by, now, [undefined, 42, 'not a date']).now).toBe('2025-07-23T12:00:00.000Z');
  });
});

describe('idTakenMessage', () => {
  it('points a taken node id to its update mutation, and says when the id was made from the input', () => {
    expect(idTakenMessage('actor:russia', 'actor', false)).toBe('"actor:russia" already exists; change it with updateActor, or choose another id');
    expect(idTakenMessage('meeting:istanbul', 'meeting', true)).toBe(
      '(made from the input) "meeting:istanbul" already exists; change it with updateMeeting, or choose another id',
    );
  });

  it('points a taken stance id to addStanceSource', () => {
    expect(idTakenMessage('stance:a-proposed-b', 'stance', true)).toContain('use addStanceSource');
  });
});

describe('problems', () => {
  it('NOT_FOUND and CONFLICT name the argument', () => {
    expect(notFound('id', 'actor', 'actor:x')).toMatchObject({ code: 'NOT_FOUND', message: 'Argument "id": there is no actor with id "actor:x"' });
    expect(conflict('input.id', '"actor:x" already exists')).toMatchObject({ code: 'CONFLICT', message: 'Argument "input.id" "actor:x" already exists' });
  });

  it('collects every problem and throws them as one BAD_USER_INPUT', () => {
    const problems = new Problems();
    checkId(problems, 'input.id', 'Actor:X', 'actor');
    checkReason(problems, 'reason', 'no');
    checkDistinct(problems, 'input.topics', ['A', 'B', 'A']);
    expect(problems.list.map((p) => p.field)).toEqual(['input.id', 'reason', 'input.topics[2]']);
    expect(() => problems.throwIfAny()).toThrow(/The input has 3 problems/);
  });
});

describe('ids', () => {
  it('makes, reads and splits ids', () => {
    expect(generateId('source', 'Reuters', '2025-07-23')).toBe('source:reuters-2025-07-23');
    expect(kindOfId('position:x')).toBe('position');
    expect(kindOfId('stance-x')).toBeUndefined();
    expect(slugOfId('actor:russia')).toBe('russia');
  });
});

describe('updates', () => {
  it('sentFields keeps what the client sent, null included (it clears), and drops what was left out', () => {
    expect(sentFields({ name: 'A', description: null, aliases: undefined })).toEqual({ name: 'A', description: null });
  });

  it('changedFields compares values, lists and null alike', () => {
    const before = { name: 'A', aliases: ['x'], description: null as string | null };
    expect(changedFields(before, { ...before, aliases: ['x'] }, ['name', 'aliases', 'description'])).toEqual([]);
    expect(changedFields(before, { ...before, aliases: ['y'], description: 'd' }, ['name', 'aliases', 'description'])).toEqual(['aliases', 'description']);
  });
});

describe('evidence', () => {
  const evidence = evidenceOf([
    { sourceId: 'source:a', quote: 'one' },
    { sourceId: 'source:b', quote: 'two' },
  ]);

  it('names each source reference and quote by its input field', () => {
    expect(evidenceReferences('input.evidence', evidence)).toEqual([
      { field: 'input.evidence[0].sourceId', id: 'source:a', kinds: ['source'] },
      { field: 'input.evidence[1].sourceId', id: 'source:b', kinds: ['source'] },
    ]);
    expect(quotesOf('input.evidence', evidence)[1]).toEqual({ field: 'input.evidence[1].quote', sourceId: 'source:b', quote: 'two' });
  });
});

describe('mergeItems', () => {
  it('stores only the sections given, with the seed’s own merge query and the stamp', async () => {
    const runs: Array<{ name: string; params: Params | undefined }> = [];
    const recorder: QueryRunner = {
      run: async (name: string, params?: Params): Promise<Row[]> => {
        runs.push({ name, params });
        return [];
      },
    };
    const target = { stanceId: 'stance:a-proposed-b', actorId: 'actor:c', evidence: [{ sourceId: 'source:a', quote: 'one' }] };
    await mergeItems(recorder, { stanceTargets: [target] }, { now: '2025-07-23T12:00:00.000Z', by: 'editor-1' });
    expect(runs.map((r) => r.name)).toEqual(['seed/merge-stance-targets']);
    expect(runs[0]?.params).toMatchObject({
      now: '2025-07-23T12:00:00.000Z',
      recordedBy: 'editor-1',
      rows: [{ stanceId: 'stance:a-proposed-b', actorId: 'actor:c', props: { stanceId: 'stance:a-proposed-b', sourceIds: ['source:a'] } }],
    });
  });
});
