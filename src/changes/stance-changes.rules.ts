/**
 * What changed between two sides of a comparison (two meetings, or two periods), per actor
 * and position: a stance that is new, one not repeated, a change of kind (REJECTED ->
 * CONSIDERING -> AGREED_TO), or the same stance repeated. Pure; unit tested.
 */
import type { StanceKind } from '../shared/enums.js';
import type { Stance } from '../stances/stance.type.js';

export enum StanceChangeKind {
  KIND_CHANGED = 'KIND_CHANGED',
  NEW = 'NEW',
  NOT_REPEATED = 'NOT_REPEATED',
  REPEATED = 'REPEATED',
}

/** One stance on one or both sides, with the actor it counts for. */
export interface ComparedStance {
  actorId: string;
  actorName: string;
  positionId: string;
  positionTitle: string;
  inFrom: boolean;
  inTo: boolean;
  stance: Stance;
}

export interface StanceChangeRecord {
  change: StanceChangeKind;
  actorId: string;
  positionId: string;
  kindsBefore: StanceKind[];
  kindsAfter: StanceKind[];
  before: Stance[];
  after: Stance[];
}

const ORDER: StanceChangeKind[] = [StanceChangeKind.KIND_CHANGED, StanceChangeKind.NEW, StanceChangeKind.NOT_REPEATED, StanceChangeKind.REPEATED];

const kindsOf = (stances: Stance[]) => [...new Set(stances.map((s) => s.kind))].sort();

export function classifyChange(kindsBefore: readonly StanceKind[], kindsAfter: readonly StanceKind[]): StanceChangeKind {
  if (kindsBefore.length === 0) return StanceChangeKind.NEW;
  if (kindsAfter.length === 0) return StanceChangeKind.NOT_REPEATED;
  const same = kindsBefore.length === kindsAfter.length && kindsBefore.every((k) => kindsAfter.includes(k));
  return same ? StanceChangeKind.REPEATED : StanceChangeKind.KIND_CHANGED;
}

/** Groups the stances per (actor, position) and classifies each pair; most telling first. */
export function compareStances(rows: readonly ComparedStance[]): StanceChangeRecord[] {
  const groups = new Map<string, { first: ComparedStance; before: Stance[]; after: Stance[] }>();
  for (const row of rows) {
    const key = `${row.actorId}\u0000${row.positionId}`;
    const group = groups.get(key) ?? { first: row, before: [], after: [] };
    if (row.inFrom) group.before.push(row.stance);
    if (row.inTo) group.after.push(row.stance);
    groups.set(key, group);
  }
  const records = [...groups.values()].map(({ first, before, after }) => {
    const kindsBefore = kindsOf(before);
    const kindsAfter = kindsOf(after);
    return {
      sortName: first.actorName,
      sortTitle: first.positionTitle,
      record: { change: classifyChange(kindsBefore, kindsAfter), actorId: first.actorId, positionId: first.positionId, kindsBefore, kindsAfter, before, after },
    };
  });
  records.sort(
    (x, y) => ORDER.indexOf(x.record.change) - ORDER.indexOf(y.record.change) || x.sortName.localeCompare(y.sortName) || x.sortTitle.localeCompare(y.sortTitle),
  );
  return records.map((r) => r.record);
}
