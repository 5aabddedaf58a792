/**
 * commonGround against its definition, on the seeded graph: for sets of actors, with and
 * without their members, at any meeting or one, the positions every actor (or, with
 * `includeMembers`, one of its members up to three levels down) actively agreed to, as
 * computed here from the stance table and the memberships the API lists.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { App } from '../../src/app.js';
import { commonGroundQuery } from '../../src/analysis/analysis.repository.js';
import { createTestApp, query } from '../helpers/test-app.js';

let app: App;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.stop();
});

interface Agreement {
  actor: string;
  position: string;
  meeting: string | null;
}

/** Every active agreement, paging through the stance table. */
async function agreements(): Promise<Agreement[]> {
  const all: Agreement[] = [];
  for (let offset = 0; ; offset += 100) {
    const data = await query(
      app,
      `query ($offset: Int!) { stances(filter: { kinds: [AGREED_TO] }, page: { limit: 100, offset: $offset }) { items { actor { id } position { id } meeting { id } } } }`,
      { offset },
    );
    const items = data.stances.items as Array<{ actor: { id: string }; position: { id: string }; meeting: { id: string } | null }>;
    all.push(...items.map((item) => ({ actor: item.actor.id, position: item.position.id, meeting: item.meeting?.id ?? null })));
    if (items.length < 100) return all;
  }
}

/** Each actor's groups (member → groups). */
async function groupsOf(): Promise<Map<string, string[]>> {
  const data = await query(app, `{ actors(page: { limit: 100 }) { total items { id memberOf(page: { limit: 20 }) { group { id } } } } }`);
  // The seed has fewer actors and memberships than one page holds: the map is complete.
  expect(data.actors.total).toBeLessThan(100);
  const groups = new Map<string, string[]>();
  for (const actor of data.actors.items as Array<{ id: string; memberOf: Array<{ group: { id: string } }> }>) {
    expect(actor.memberOf.length).toBeLessThan(20);
    groups.set(
      actor.id,
      actor.memberOf.map((membership) => membership.group.id),
    );
  }
  return groups;
}

/** Whether `actor` is `anchor` or, with members, a member of it up to three levels down. */
function countsFor(actor: string, anchor: string, includeMembers: boolean, groups: Map<string, string[]>): boolean {
  if (actor === anchor) return true;
  if (!includeMembers) return false;
  let level = [actor];
  for (let depth = 1; depth <= 3; depth += 1) {
    level = level.flatMap((member) => groups.get(member) ?? []);
    if (level.includes(anchor)) return true;
  }
  return false;
}

function expected(all: Agreement[], groups: Map<string, string[]>, actorIds: string[], includeMembers: boolean, meetingId: string | null): string[] {
  const positions = new Set(all.filter((a) => meetingId === null || a.meeting === meetingId).map((a) => a.position));
  return [...positions]
    .filter((position) =>
      actorIds.every((anchor) =>
        all.some((a) => a.position === position && (meetingId === null || a.meeting === meetingId) && countsFor(a.actor, anchor, includeMembers, groups)),
      ),
    )
    .sort();
}

async function commonGround(actorIds: string[], includeMembers: boolean, meetingId: string | null): Promise<string[]> {
  const data = await query(
    app,
    `query ($actorIds: [ID!]!, $includeMembers: Boolean!, $meetingId: ID) {
       commonGround(actorIds: $actorIds, includeMembers: $includeMembers, meetingId: $meetingId, page: { limit: 100 }) { id }
     }`,
    { actorIds, includeMembers, meetingId },
  );
  return (data.commonGround as Array<{ id: string }>).map((position) => position.id).sort();
}

describe('commonGround', () => {
  it('answers what the stance table and the memberships say, for pairs and triples, with and without members, at any meeting or one', async () => {
    const all = await agreements();
    const groups = await groupsOf();
    // Actors that agreed to something, and the groups they belong to (which agree through them).
    const agreeing = [...new Set(all.map((a) => a.actor))];
    const actors = [...new Set([...agreeing, ...agreeing.flatMap((id) => groups.get(id) ?? [])])].sort();
    const meetings = [...new Set(all.map((a) => a.meeting).filter((m): m is string => m !== null))].sort();
    expect(agreeing.length).toBeGreaterThan(1);

    const sets: string[][] = [];
    for (const first of actors) for (const second of actors) if (first < second) sets.push([first, second]);
    sets.push(actors.slice(0, 3), [actors[0]!], [actors[0]!, actors[0]!]);
    let nonEmpty = 0;
    for (const actorIds of sets) {
      for (const meetingId of [null, meetings[0] ?? null]) {
        const alone = await commonGround(actorIds, false, meetingId);
        const withMembers = await commonGround(actorIds, true, meetingId);
        expect(alone, `${actorIds.join(' + ')} at ${meetingId}`).toEqual(expected(all, groups, actorIds, false, meetingId));
        expect(withMembers, `${actorIds.join(' + ')} with members at ${meetingId}`).toEqual(expected(all, groups, actorIds, true, meetingId));
        if (alone.length > 0) nonEmpty += 1;
      }
    }
    // The comparison is only worth something if some answers are not empty.
    expect(nonEmpty).toBeGreaterThan(0);
  });

  it('counts members up to three levels down, ignores retracted agreements and membership cycles, and keeps to the meeting (a graph of its own, rolled back)', async () => {
    const F = 'test-common-ground:';
    // member → group: x1 → p1 → d1 → s1 (three levels), y1 → x1 (a fourth), c1 ⇄ c2 (a cycle).
    const memberships: Array<[string, string]> = [
      ['d1', 's1'],
      ['p1', 'd1'],
      ['x1', 'p1'],
      ['y1', 'x1'],
      ['d2', 's2'],
      ['c1', 'c2'],
      ['c2', 'c1'],
    ];
    const fixture: Array<Agreement & { retracted?: boolean }> = [
      { actor: 's1', position: 'pos1', meeting: null },
      { actor: 's1', position: 'pos2', meeting: 'm1' },
      { actor: 'd1', position: 'pos3', meeting: null },
      { actor: 'p1', position: 'pos4', meeting: 'm1' },
      { actor: 'x1', position: 'pos5', meeting: null },
      { actor: 'y1', position: 'pos6', meeting: null },
      { actor: 's2', position: 'pos1', meeting: 'm1' },
      { actor: 's2', position: 'pos3', meeting: null },
      { actor: 's2', position: 'pos6', meeting: null },
      { actor: 'd2', position: 'pos4', meeting: 'm1' },
      { actor: 'd2', position: 'pos5', meeting: null },
      { actor: 'd2', position: 'pos2', meeting: 'm2' },
      { actor: 's1', position: 'pos7', meeting: null },
      { actor: 's2', position: 'pos7', meeting: null, retracted: true },
      { actor: 'c1', position: 'pos8', meeting: null },
      { actor: 'c2', position: 'pos8', meeting: null },
      { actor: 's1', position: 'pos8', meeting: null },
    ];
    const actors = [...new Set([...memberships.flat(), ...fixture.map((a) => a.actor)])];
    const positions = [...new Set(fixture.map((a) => a.position))];
    const groups = new Map<string, string[]>();
    for (const [member, group] of memberships) groups.set(F + member, [...(groups.get(F + member) ?? []), F + group]);
    const active = fixture.filter((a) => !a.retracted).map((a) => ({ actor: F + a.actor, position: F + a.position, meeting: a.meeting && F + a.meeting }));

    const cases: string[][] = [
      ['s1', 's2'],
      ['s1', 'd2'],
      ['d1', 's2'],
      ['s1', 's2', 'd2'],
      ['s1'],
      ['s1', 's1', 's2'],
      ['c1', 's1'],
      ['c2'],
      ['s1', 'nobody'],
    ];
    const answers = await app.executor.experiment(async (scope) => {
      await scope.runText('UNWIND $ids AS id CREATE (:Actor {id: id, name: id, kind: "STATE"})', { ids: actors.map((a) => F + a) });
      await scope.runText('UNWIND $ids AS id CREATE (:Position:Proposal {id: id, type: "PROPOSAL", title: id, topics: []})', {
        ids: positions.map((p) => F + p),
      });
      await scope.runText('UNWIND $pairs AS pair MATCH (m:Actor {id: pair[0]}), (g:Actor {id: pair[1]}) CREATE (m)-[:MEMBER_OF]->(g)', {
        pairs: memberships.map(([member, group]) => [F + member, F + group]),
      });
      await scope.runText(
        `UNWIND $rows AS row MATCH (a:Actor {id: row.actor}), (p:Position {id: row.position})
         CREATE (a)-[:AGREED_TO {id: row.id, meetingId: row.meeting, status: row.status}]->(p)`,
        {
          rows: fixture.map((a, i) => ({
            id: `${F}stance:${i}`,
            actor: F + a.actor,
            position: F + a.position,
            meeting: a.meeting && F + a.meeting,
            status: a.retracted ? 'RETRACTED' : 'ACTIVE',
          })),
        },
      );
      const out: Array<{ query: string; ids: string[]; includeMembers: boolean; meetingId: string | null; got: string[] }> = [];
      for (const ids of cases) {
        for (const includeMembers of [false, true]) {
          for (const meetingId of [null, F + 'm1']) {
            const actorIds = ids.map((id) => F + id);
            const distinct = [...new Set(actorIds)];
            // The general query for every case, and the one the service picks when that is another (two actors without members).
            const queries = [...new Set(['analysis/common-ground', commonGroundQuery(distinct, includeMembers)])];
            for (const query of queries) {
              const rows = await scope.run(query, {
                actorIds: distinct,
                meetingId,
                includeMembers,
                withEvidence: false,
                withSummary: false,
                withTopics: false,
                offset: 0,
                limit: 100,
              });
              // Each row's position is a tuple, its id first.
              out.push({ query, ids: actorIds, includeMembers, meetingId, got: rows.map((row) => String((row['position'] as unknown[])[0])).sort() });
            }
          }
        }
      }
      return out;
    });
    // The pair's query ran for the six cases of two distinct actors, at no meeting and at m1.
    expect(answers.filter((a) => a.query === 'analysis/common-ground-of-pair')).toHaveLength(6 * 2);
    for (const { query, ids, includeMembers, meetingId, got } of answers) {
      expect(got, `${query}: ${ids.join(' + ')}${includeMembers ? ' with members' : ''} at ${meetingId}`).toEqual(
        expected(active, groups, ids, includeMembers, meetingId),
      );
    }
    const answer = (ids: string[], includeMembers: boolean, meetingId: string | null = null) =>
      answers.find((a) => a.ids.join() === ids.map((id) => F + id).join() && a.includeMembers === includeMembers && a.meetingId === meetingId)?.got;
    // What the oracle itself must say, so a wrong oracle cannot pass with a wrong query.
    expect(answer(['s1', 's2'], false)).toEqual([F + 'pos1']);
    // pos3 through d1, pos4 and pos2 through d2 (members on both sides), pos5 through x1 (three
    // levels down); not pos6, which s1 holds only through y1 (four levels down).
    expect(answer(['s1', 's2'], true)).toEqual(['pos1', 'pos2', 'pos3', 'pos4', 'pos5'].map((p) => F + p));
    expect(answer(['s1', 'd2'], true)).toEqual([F + 'pos2', F + 'pos4', F + 'pos5']); // pos5 through x1, three levels down
    expect(answer(['s1', 'd2'], true, F + 'm1')).toEqual([F + 'pos4']);
    expect(answer(['c1', 's1'], true)).toEqual([F + 'pos8']);
    expect(answer(['s1', 'nobody'], true)).toEqual([]);
  });

  it('is empty when one of the actors does not exist', async () => {
    const [first] = [...new Set((await agreements()).map((a) => a.actor))];
    expect(await commonGround([first!], false, null)).not.toEqual([]);
    expect(await commonGround([first!, 'actor:nobody'], false, null)).toEqual([]);
    expect(await commonGround([first!, 'actor:nobody'], true, null)).toEqual([]);
  });
});
