/**
 * Query files are sent without their comments and indentation (src/db/cypher-files.ts); what
 * looks like a comment inside a string or a backquoted name must stay. The integration suite
 * EXPLAINs every compacted file against Neo4j.
 */
import { describe, expect, it } from 'vitest';

import { compactCypher, cypherText } from '../../src/db/cypher-files.js';

describe('compactCypher', () => {
  it('drops comment lines, trailing comments, indentation and blank lines', () => {
    expect(compactCypher('// what it does\n  MATCH (n:Actor)   // the actors\n\n    RETURN n.id\n')).toBe('MATCH (n:Actor)\nRETURN n.id');
  });

  it('keeps // inside strings and backquoted names, escaped quotes included', () => {
    const text = `MATCH (s:Source {url: 'https://example.org/a'}) WHERE s.note = "say \\"//\\" twice" // gone\nRETURN s.\`odd//name\` AS x`;
    expect(compactCypher(text)).toBe(`MATCH (s:Source {url: 'https://example.org/a'}) WHERE s.note = "say \\"//\\" twice"\nRETURN s.\`odd//name\` AS x`);
  });

  it('sends the stance table query with no comment and no indentation', () => {
    const compact = cypherText('stances/list-stances');
    expect(compact).not.toContain('//');
    expect(compact.split('\n').every((line) => line === line.trim())).toBe(true);
  });
});

describe('combined query names', () => {
  it('runs each named file as an uncorrelated subquery and returns all their columns', () => {
    const combined = cypherText('stances/list-stances+stances/count-stances-of-kinds');
    expect(combined).toBe(`CALL () {\n${cypherText('stances/list-stances')}\n}\nCALL () {\n${cypherText('stances/count-stances-of-kinds')}\n}\nRETURN *`);
  });
});
