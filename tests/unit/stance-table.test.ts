import { describe, expect, it } from 'vitest';

import { STANCE_COLUMNS, csvHeader, csvLine, jsonLine, toStanceRecord } from '../../src/export/stance-table.js';

const row = {
  stance_id: 'stance:russia-rejected-unconditional-30-day-ceasefire',
  kind: 'REJECTED',
  actor_id: 'actor:russia',
  actor: 'Russia',
  position: 'Full, unconditional 30-day ceasefire',
  topics: ['CEASEFIRE', 'HUMANITARIAN_CIVILIANS'],
  meeting_round: 2,
  date: '2025-06-02',
  evidence: 'He said: "no", then left,\nand the talks — at Çırağan — ended.',
  plover_context: ['ceasefire', 'military'],
  cameo: '036',
  unexpected: 'dropped',
};

describe('stance table', () => {
  it('has every column, in order, whatever the row holds', () => {
    const record = toStanceRecord(row);
    expect(Object.keys(record)).toEqual([...STANCE_COLUMNS]);
    expect(record.meeting_id).toBeNull();
    expect(record.topics).toEqual(['CEASEFIRE', 'HUMANITARIAN_CIVILIANS']);
    expect(record.plover_context).toEqual(['ceasefire', 'military']);
    expect(toStanceRecord({}).topics).toEqual([]);
  });

  it('writes the header line from the column names', () => {
    expect(csvHeader()).toBe(`${STANCE_COLUMNS.join(',')}\n`);
  });

  it('quotes commas, quotes and newlines, joins lists with "|" and keeps the real names', () => {
    const line = csvLine(toStanceRecord(row));
    expect(line.endsWith('\n')).toBe(true);
    expect(line).toContain('"Full, unconditional 30-day ceasefire"');
    expect(line).toContain('"He said: ""no"", then left,\nand the talks — at Çırağan — ended."');
    expect(line).toContain(',CEASEFIRE|HUMANITARIAN_CIVILIANS,');
    expect(line).toContain(',ceasefire|military,036,');
  });

  it('writes JSON lines with lists as arrays and nulls kept', () => {
    const line = jsonLine(toStanceRecord(row));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim()).not.toContain('\n');
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed['topics']).toEqual(['CEASEFIRE', 'HUMANITARIAN_CIVILIANS']);
    expect(parsed['meeting_round']).toBe(2);
    expect(parsed['source_url']).toBeNull();
    expect(parsed).not.toHaveProperty('unexpected');
  });
});
