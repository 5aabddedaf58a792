/**
 * The one paging helper of the read side: a page record from a window, a total and items, and
 * the grouping that lets a per-request loader cut every parent's nested list in the database
 * (`SKIP $offset LIMIT $limit` per parent) with one query per distinct window.
 */
import { MAX_PAGE_SIZE, type PageInput, toWindow, type Window } from './page.js';
import type { Props } from './row-values.js';

/** What every `<Type>Page` object of the API holds. */
export interface PageResult<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export function toPageResult<T>(window: Window, total: number, items: T[]): PageResult<T> {
  return { total, ...window, items };
}

/**
 * The page of a list query that answers in one row: its `total` and the page's items as a
 * list under `key` (e.g. `cypher/actors/list-actors`).
 */
export function pageFromRow<T>(window: Window, row: Record<string, unknown> | undefined, key: string, toItem: (props: Props) => T): PageResult<T> {
  return toPageResult(window, Number(row?.['total'] ?? 0), ((row?.[key] ?? []) as Props[]).map(toItem));
}

/** A key of a nested list: its parent, the list's own filters, and the window to cut it at. */
export interface PagedKey {
  window: Window;
}

/**
 * Splits the keys of one loader batch by window (aliases may ask different pages of the same
 * list; most batches have one), fetches each group with one query, and returns the lists in
 * the order of the keys.
 */
export async function fetchByWindow<K extends PagedKey, T>(keys: readonly K[], fetch: (keys: K[], window: Window) => Promise<T[][]>): Promise<T[][]> {
  const groups = new Map<string, number[]>();
  keys.forEach((key, index) => {
    const name = `${key.window.offset}:${key.window.limit}`;
    const group = groups.get(name);
    if (group) group.push(index);
    else groups.set(name, [index]);
  });
  const out: T[][] = new Array<T[]>(keys.length);
  await Promise.all(
    [...groups.values()].map(async (indexes) => {
      const group = indexes.map((i) => keys[i] as K);
      const lists = await fetch(group, (group[0] as K).window);
      indexes.forEach((keyIndex, i) => (out[keyIndex] = lists[i] ?? []));
    }),
  );
  return out;
}

/** Lists aligned with `keyCount` keys from rows that each hold one key's list (`key` is its index); empty for keys without a row. */
export function listsByIndex<T>(keyCount: number, rows: readonly Record<string, unknown>[], listOf: (row: Record<string, unknown>) => T[]): T[][] {
  const lists = Array.from({ length: keyCount }, () => [] as T[]);
  for (const row of rows) {
    const index = Number(row['key']);
    if (index >= 0 && index < keyCount) lists[index] = listOf(row);
  }
  return lists;
}

/** Groups rows into lists aligned with `ids`, by the id each row names. */
export function groupById<T>(
  ids: readonly string[],
  rows: readonly Record<string, unknown>[],
  idOf: (row: Record<string, unknown>) => string,
  map: (row: Record<string, unknown>) => T,
): T[][] {
  const byId = new Map<string, T[]>();
  for (const row of rows) {
    const id = idOf(row);
    const list = byId.get(id);
    if (list) list.push(map(row));
    else byId.set(id, [map(row)]);
  }
  return ids.map((id) => byId.get(id) ?? []);
}

/** Orders items found by id like the ids that were asked; unknown ids give null. */
export function alignById<T extends { id: string }>(ids: readonly string[], items: readonly T[]): Array<T | null> {
  const found = new Map(items.map((item) => [item.id, item]));
  return ids.map((id) => found.get(id) ?? null);
}

/**
 * Lists returned as plain arrays (an actor's stances, a meeting's attendance, commonGround)
 * take a `page` too. Nested ones sit under a page of parents, so their default page is smaller
 * than a root list's: the cost of `actors { items { proposed { ... } } }` multiplies both, and
 * the cost limit prices them from these defaults (read from the schema).
 */
export const NESTED_PAGE_SIZE = 25;

/** Options of a list's `page` argument; the default is in the schema, where the cost estimator reads it. */
export function listPageArg(defaultLimit = NESTED_PAGE_SIZE) {
  return {
    nullable: true,
    defaultValue: { limit: defaultLimit, offset: 0 },
    description: `Which part of the list: \`limit\` (default ${defaultLimit}, at most ${MAX_PAGE_SIZE}) and \`offset\`.`,
  } as const;
}

/** The window of a list; a page without a limit gets the list's own default. */
export function toListWindow(page: PageInput | null | undefined, defaultLimit = NESTED_PAGE_SIZE): Window {
  return toWindow({ limit: page?.limit ?? defaultLimit, offset: page?.offset ?? 0 });
}
