import { describe, expect, it } from 'vitest';

import { toWindow } from '../../src/shared/page.js';
import { toStanceParams } from '../../src/stances/stance-filter.input.js';

describe('toWindow', () => {
  it('defaults to 50 items from the start', () => {
    expect(toWindow(undefined)).toEqual({ limit: 50, offset: 0 });
  });

  it.each([
    [{ limit: 0 }, 'page.limit'],
    [{ limit: 201 }, 'page.limit'],
    [{ offset: -1 }, 'page.offset'],
  ])('refuses %o naming %s', (page, argument) => {
    expect(() => toWindow(page)).toThrow(`Argument "${argument}"`);
  });
});

describe('toStanceParams', () => {
  it('treats missing and empty lists as no filter', () => {
    expect(toStanceParams({ kinds: [], actorIds: null })).toMatchObject({ kinds: null, actorIds: null, includeMembers: true, includeRetracted: false });
  });

  it('refuses a date range that ends before it starts', () => {
    expect(() => toStanceParams({ from: '2025-06-02', to: '2025-05-16' })).toThrow('Argument "filter.to"');
  });
});
