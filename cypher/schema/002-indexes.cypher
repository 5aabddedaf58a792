// Full-text search over names, aliases, titles, summaries and evidence quotes. The
// standard-folding analyzer folds accents, so "Erdogan" finds "Erdoğan" and "Ciragan" finds
// "Çırağan Palace".
CREATE FULLTEXT INDEX node_text IF NOT EXISTS
FOR (n:Actor|Meeting|Position|Document|Source|Disagreement)
ON EACH [n.name, n.aliasesText, n.title, n.summary, n.description, n.venue, n.publisher, n.evidenceText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
CREATE FULLTEXT INDEX stance_text IF NOT EXISTS
FOR ()-[r:PROPOSED|REJECTED|AGREED_TO|CONSIDERING]-()
ON EACH [r.evidenceText]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}};
// Name look-ups fold case and accents through a stored key (see src/shared/text.ts).
CREATE INDEX actor_search_key IF NOT EXISTS FOR (n:Actor) ON (n.searchKey);
CREATE INDEX position_search_key IF NOT EXISTS FOR (n:Position) ON (n.searchKey);
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date);
