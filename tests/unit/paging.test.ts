import { describe, expect, it } from 'vitest';

import { alignById, fetchByWindow, groupById, listsByIndex, toListWindow } from '../../src/shared/paging.js';

describe('paging helpers', () => {
  it('fetches each distinct page once and returns the lists in the order of the keys', async () => {
    const calls: Array<{ ids: string[]; offset: number; limit: number }> = [];
    const keys = [
      { id: 'a', window: { offset: 0, limit: 5 } },
      { id: 'b', window: { offset: 5, limit: 5 } },
      { id: 'c', window: { offset: 0, limit: 5 } },
    ];
    const lists = await fetchByWindow(keys, async (group, window) => {
      calls.push({ ids: group.map((key) => key.id), ...window });
      return group.map((key) => [`${key.id}@${window.offset}`]);
    });
    expect(calls).toEqual([
      { ids: ['a', 'c'], offset: 0, limit: 5 },
      { ids: ['b'], offset: 5, limit: 5 },
    ]);
    expect(lists).toEqual([['a@0'], ['b@5'], ['c@0']]);
  });

  it('aligns lists by key index or groups rows by id, with an empty list for keys without rows', () => {
    expect(
      listsByIndex(
        3,
        [
          { key: 2, v: ['x', 'z'] },
          { key: 0, v: ['y'] },
          { key: 7, v: ['out of range'] },
        ],
        (row) => row['v'] as string[],
      ),
    ).toEqual([['y'], [], ['x', 'z']]);
    expect(
      groupById(
        ['p', 'q'],
        [{ id: 'q', v: 1 }],
        (row) => String(row['id']),
        (row) => row['v'],
      ),
    ).toEqual([[], [1]]);
    expect(alignById(['2', '9', '1'], [{ id: '1' }, { id: '2' }])).toEqual([{ id: '2' }, null, { id: '1' }]);
  });

  it('gives a list without a limit its own default page, and checks the page like every other', () => {
    expect(toListWindow(null)).toEqual({ offset: 0, limit: 25 });
    expect(toListWindow({ offset: 3 }, 50)).toEqual({ offset: 3, limit: 50 });
    expect(() => toListWindow({ limit: 201 })).toThrow(/page\.limit/);
  });
});
