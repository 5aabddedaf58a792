/**
 * The stance list queries' look-ahead projections written out for the asked keys, within a
 * bound on how many texts (Neo4j plans) a process makes. The answers these texts give are the
 * look-ahead integration test's (tests/integration/look-ahead.int.test.ts), which compares them
 * with what the loaders alone answer.
 */
import { afterEach, describe, expect, it } from 'vitest';

import { cypherText } from '../../src/db/cypher-files.js';
import {
  forgetWrittenOut,
  GENERIC_GUARDS,
  GENERIC_PROJECTIONS,
  MAX_WRITTEN_OUT,
  whenWrittenOutBoundReached,
  writtenOutText,
} from '../../src/stances/written-out-projection.js';

const STANCE_LIST_QUERIES = [
  'stances/stance-lists-of-actors',
  'stances/stance-lists-of-positions',
  'stances/list-stances',
  'stances/list-stances-anchored',
  'stances/find-stances-by-actors',
  'stances/find-stances-by-positions',
  'stances/find-stances-by-meetings',
];

const ACTOR_WITH_LISTS = { stanceKeys: ['date', 'sourceIds'], actorKeys: null, positionKeys: ['type', 'title'], meetingKeys: null, sourceKeys: ['publisher'] };

afterEach(() => forgetWrittenOut());

describe('written-out look-ahead projections', () => {
  it.each(STANCE_LIST_QUERIES)('%s holds each generic projection and the tuple head exactly once', (name) => {
    const text = cypherText(name);
    for (const fragment of [...GENERIC_PROJECTIONS, ...GENERIC_GUARDS]) expect(text.split(fragment).length - 1).toBe(1);
    expect(text.match(/\[r\.id, (type\(r\)|null), (a\.id|null), (p\.id|null),/g)).toHaveLength(1);
  });

  it.each(STANCE_LIST_QUERIES)('%s leaves out the ids nothing reads', (name) => {
    const text =
      writtenOutText(name, ACTOR_WITH_LISTS, name.includes('lists-of') ? ['PROPOSED'] : undefined, { stance: false, actor: false, position: false }) ?? '';
    expect(text).toMatch(/\[null, (type\(r\)|null), null, null,/);
    // Still ordered by the ids: only what is sent back changes.
    expect(text).toContain('r.id');
    const kept =
      writtenOutText(name, ACTOR_WITH_LISTS, name.includes('lists-of') ? ['PROPOSED'] : undefined, { stance: true, actor: true, position: true }) ?? '';
    expect(kept).toMatch(/\[r\.id, (type\(r\)|null), (a\.id|null), (p\.id|null),/);
  });

  it('writes out the asked keys and nothing generic remains', () => {
    const text = writtenOutText('stances/find-stances-by-actors', { ...ACTOR_WITH_LISTS, sourceKeys: ['id', 'publisher'] }) ?? '';
    expect(text).toContain('[toString(r.date), r.`sourceIds`]');
    expect(text).toContain('[p.`type`, p.`title`]');
    expect(text).toContain('[sourceId, s.`publisher`]');
    expect(text).not.toContain('property IN');
    // No guard is left to evaluate row by row: what is not asked is null, what is asked is read.
    expect(text).not.toMatch(/\$(actor|position|meeting|source)Keys/);
    // Everything else is the file's text.
    const stance = GENERIC_PROJECTIONS[0] as string;
    const replacements: Array<[string, string]> = [
      [stance, '[toString(r.date), r.`sourceIds`]'],
      ['CASE WHEN $actorKeys IS NOT NULL THEN [property IN $actorKeys | a[property]] END', 'null'],
      ['CASE WHEN $positionKeys IS NOT NULL THEN [property IN $positionKeys | p[property]] END', '[p.`type`, p.`title`]'],
      [
        'CASE WHEN $meetingKeys IS NOT NULL AND r.meetingId IS NOT NULL THEN COLLECT {\nMATCH (m:Meeting {id: r.meetingId}) RETURN [property IN $meetingKeys | m[property]]\n}[0] END',
        'null',
      ],
      [
        "CASE WHEN $sourceKeys IS NOT NULL THEN COLLECT {\nUNWIND coalesce(r.sourceIds, []) AS sourceId\nOPTIONAL MATCH (s:Source {id: sourceId})\nRETURN CASE WHEN s IS NULL THEN sourceId ELSE [property IN $sourceKeys | CASE property WHEN 'id' THEN sourceId ELSE s[property] END] END\n} END",
        'COLLECT {\nUNWIND coalesce(r.sourceIds, []) AS sourceId\nOPTIONAL MATCH (s:Source {id: sourceId})\nRETURN CASE WHEN s IS NULL THEN sourceId ELSE [sourceId, s.`publisher`] END\n}',
      ],
    ];
    expect(text).toBe(replacements.reduce((file, [generic, written]) => file.replace(generic, () => written), cypherText('stances/find-stances-by-actors')));
  });

  it("keeps a meeting's own guard when the meeting is asked (a stance taken at no meeting has none)", () => {
    const text = writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, meetingKeys: ['id', 'title'] }) ?? '';
    expect(text).toContain('CASE WHEN r.meetingId IS NOT NULL THEN COLLECT {\nMATCH (m:Meeting {id: r.meetingId}) RETURN [m.`id`, m.`title`]\n}[0] END');
  });

  it("reads a source's id from the stance's list of ids, and only when asked", () => {
    const withId = writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, sourceKeys: ['id', 'publisher'] }) ?? '';
    expect(withId).toContain('RETURN CASE WHEN s IS NULL THEN sourceId ELSE [sourceId, s.`publisher`] END');
    const withoutId = writtenOutText('stances/list-stances', ACTOR_WITH_LISTS) ?? '';
    expect(withoutId).toContain('RETURN CASE WHEN s IS NULL THEN sourceId ELSE [s.`publisher`] END');
  });

  it('makes one text per shape and query', () => {
    const first = writtenOutText('stances/list-stances', ACTOR_WITH_LISTS);
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS })).toBe(first);
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, sourceKeys: ['publisher', 'url'] })).not.toBe(first);
    expect(writtenOutText('stances/find-stances-by-actors', ACTOR_WITH_LISTS)).not.toBe(first);
  });

  it('never puts anything but a plain property name into a text', () => {
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, positionKeys: ['title]} RETURN 1 //'] })).toBeUndefined();
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, stanceKeys: [7] })).toBeUndefined();
  });

  it(`keeps the generic text past ${MAX_WRITTEN_OUT} shapes, and the shapes it has`, () => {
    const told: number[] = [];
    whenWrittenOutBoundReached((bound) => told.push(bound));
    const shapes = Array.from({ length: MAX_WRITTEN_OUT }, (_, i) => ({ ...ACTOR_WITH_LISTS, sourceKeys: [`p${i}`] }));
    for (const shape of shapes) expect(writtenOutText('stances/list-stances', shape)).toBeDefined();
    expect(told).toEqual([]);
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, sourceKeys: ['one', 'more'] })).toBeUndefined();
    expect(writtenOutText('stances/list-stances', { ...ACTOR_WITH_LISTS, sourceKeys: ['and', 'another'] })).toBeUndefined();
    expect(writtenOutText('stances/list-stances', shapes[0] ?? {})).toContain('ELSE [s.`p0`] END');
    // Told once, when the first shape found no room.
    expect(told).toEqual([MAX_WRITTEN_OUT]);
  });

  it.each(['stances/stance-lists-of-actors', 'stances/stance-lists-of-positions'])('%s: one list per asked kind, in the order asked', (name) => {
    const text = writtenOutText(name, ACTOR_WITH_LISTS, ['REJECTED', 'AGREED_TO']) ?? '';
    expect(text).toContain('[r:REJECTED]');
    expect(text).toContain('} AS REJECTED,\nCOLLECT {');
    expect(text).toContain('[r:AGREED_TO]');
    expect(text.trimEnd().endsWith('} AS AGREED_TO')).toBe(true);
    expect(text).not.toContain('PROPOSED');
    // Each block is the file's PROPOSED block with the kind in its place.
    const proposedOnly = writtenOutText(name, ACTOR_WITH_LISTS, ['PROPOSED']) ?? '';
    const block = (source: string, kind: string) =>
      source.slice(source.lastIndexOf('COLLECT {\n', source.indexOf(`[r:${kind}]`)), source.indexOf(`} AS ${kind}`));
    expect(block(text, 'REJECTED').replace('[r:REJECTED]', '[r:PROPOSED]')).toBe(block(proposedOnly, 'PROPOSED'));
    expect(text.split('$offset').length - 1).toBe(2);
  });

  it('refuses kinds it does not know, twice the same, or none', () => {
    expect(writtenOutText('stances/stance-lists-of-actors', ACTOR_WITH_LISTS, ['PROPOSED', 'OPPOSED'])).toBeUndefined();
    expect(writtenOutText('stances/stance-lists-of-actors', ACTOR_WITH_LISTS, ['PROPOSED', 'PROPOSED'])).toBeUndefined();
    expect(writtenOutText('stances/stance-lists-of-actors', ACTOR_WITH_LISTS, [])).toBeUndefined();
    // A query without a per-kind block has no per-kind text.
    expect(writtenOutText('stances/find-stances-by-actors', ACTOR_WITH_LISTS, ['PROPOSED'])).toBeUndefined();
  });
});
