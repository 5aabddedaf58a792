import { describe, expect, it } from 'vitest';

import { AppError } from '../../src/errors/errors.js';
import { MAX_LIST_VALUES, parseStanceFilter, refuseAnyParameter, toPloverParams, toStanceExportParams } from '../../src/export/export.params.js';

/** The parameter a bad query is refused for (the `parameter` of the 400 body). */
function refusedParameter(parse: () => unknown): unknown {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).extensions['code']).toBe('BAD_USER_INPUT');
    return (error as AppError).extensions['parameter'];
  }
  throw new Error('expected the query to be refused');
}

describe('parseStanceFilter', () => {
  it('gives the GraphQL filter shape; no parameters means no filter', () => {
    expect(toStanceExportParams({})).toEqual({
      kinds: null,
      actorIds: null,
      includeMembers: true,
      targetIds: null,
      positionIds: null,
      topics: null,
      meetingIds: null,
      sourceIds: null,
      from: null,
      to: null,
      includeRetracted: false,
    });
  });

  it('reads repeated parameters, comma lists and the GraphQL names alike, without duplicates', () => {
    const filter = parseStanceFilter({ kind: ['REJECTED', 'proposed'], kinds: 'REJECTED,CONSIDERING', actor: 'actor:russia', actorIds: 'actor:ukraine' });
    expect(filter.kinds).toEqual(['REJECTED', 'PROPOSED', 'CONSIDERING']);
    expect(filter.actorIds).toEqual(['actor:russia', 'actor:ukraine']);
  });

  it('reads dates, booleans and every list filter', () => {
    const params = toStanceExportParams({
      topic: 'CEASEFIRE',
      target: 'actor:russia',
      position: 'position:leaders-meeting',
      meeting: 'meeting:istanbul-2025-06-02',
      source: 'source:tass-2025-06-02',
      from: '2025-05-01',
      to: '2025-06-30',
      includeMembers: 'false',
      includeRetracted: '1',
    });
    expect(params).toMatchObject({
      topics: ['CEASEFIRE'],
      targetIds: ['actor:russia'],
      positionIds: ['position:leaders-meeting'],
      meetingIds: ['meeting:istanbul-2025-06-02'],
      sourceIds: ['source:tass-2025-06-02'],
      from: '2025-05-01',
      to: '2025-06-30',
      includeMembers: false,
      includeRetracted: true,
    });
  });

  it.each([
    [{ kind: 'REJECTD' }, 'kind'],
    [{ kinds: 'REJECTED,' }, 'kinds'],
    [{ topic: 'WEATHER' }, 'topic'],
    [{ from: '2025-02-30' }, 'from'],
    [{ to: '02/06/2025' }, 'to'],
    [{ from: '2025-06-30', to: '2025-06-01' }, 'to'],
    [{ from: ['2025-06-01', '2025-06-02'] }, 'from'],
    [{ includeMembers: 'yes please' }, 'includeMembers'],
    [{ includeRetracted: '' }, 'includeRetracted'],
    [{ actor: 'x'.repeat(201) }, 'actor'],
    [{ actor: 'actor:\u0000russia' }, 'actor'],
    [{ source: { nested: 'object' } }, 'source'],
    [{ kind: Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => (i % 2 ? 'REJECTED' : 'PROPOSED')) }, 'kind'],
    [{ actor: Array.from({ length: MAX_LIST_VALUES + 1 }, (_, i) => `actor:${i}`) }, 'actor'],
    [{ kindz: 'REJECTED' }, 'kindz'],
    [{ filter: 'kinds:REJECTED' }, 'filter'],
  ])('refuses %o, naming "%s"', (query, parameter) => {
    expect(refusedParameter(() => parseStanceFilter(query))).toBe(parameter);
  });

  it('says which parameters it knows when it meets one it does not', () => {
    expect(() => parseStanceFilter({ form: '2025-06-01' })).toThrow(/Parameter "form" is not known; this export takes kind, kinds, actor/);
  });
});

describe('toPloverParams', () => {
  it('takes a date window and whether to include retracted stances', () => {
    expect(toPloverParams({})).toEqual({ from: null, to: null, includeRetracted: false });
    expect(toPloverParams({ from: '2025-06-01', includeRetracted: 'true' })).toEqual({ from: '2025-06-01', to: null, includeRetracted: true });
  });

  it('refuses stance filters it does not apply', () => {
    expect(refusedParameter(() => toPloverParams({ kind: 'REJECTED' }))).toBe('kind');
    expect(refusedParameter(() => toPloverParams({ from: '2025-07-01', to: '2025-06-01' }))).toBe('to');
  });
});

describe('refuseAnyParameter', () => {
  it('accepts no parameters at all', () => {
    expect(() => refuseAnyParameter({})).not.toThrow();
    expect(refusedParameter(() => refuseAnyParameter({ limit: '10' }))).toBe('limit');
  });
});
