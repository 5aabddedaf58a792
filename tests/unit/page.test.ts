import { describe, expect, it } from 'vitest';

import { MAX_PAGE_OFFSET, MAX_PAGE_SIZE, toWindow } from '../../src/shared/page.js';
import { toStanceParams } from '../../src/stances/stance-filter.input.js';

describe('toWindow', () => {
  it('defaults to 50 items from the start', () => {
    expect(toWindow(undefined)).toEqual({ limit: 50, offset: 0 });
  });

  it.each([
    [{ limit: 0 }, 'page.limit'],
    [{ limit: 201 }, 'page.limit'],
    [{ offset: -1 }, 'page.offset'],
    [{ offset: MAX_PAGE_OFFSET + 1 }, 'page.offset'],
    [{ offset: 2 ** 31 - 1 }, 'page.offset'],
  ])('refuses %o naming %s', (page, argument) => {
    expect(() => toWindow(page)).toThrow(`Argument "${argument}"`);
  });

  it('names the maximum in the error', () => {
    expect(() => toWindow({ offset: 2 ** 31 - 1 })).toThrow(`must be between 0 and ${MAX_PAGE_OFFSET}, got 2147483647`);
    expect(() => toWindow({ limit: 2 ** 31 - 1 })).toThrow(`must be between 1 and ${MAX_PAGE_SIZE}, got 2147483647`);
  });

  it('accepts the largest offset and page size', () => {
    expect(toWindow({ limit: MAX_PAGE_SIZE, offset: MAX_PAGE_OFFSET })).toEqual({ limit: MAX_PAGE_SIZE, offset: MAX_PAGE_OFFSET });
  });

  it('names the argument it was given', () => {
    expect(() => toWindow({ offset: -5 }, 'stancesPage')).toThrow('Argument "stancesPage.offset"');
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
