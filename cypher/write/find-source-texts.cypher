// The stored texts of the given sources (only those that have one): the quote check of every
// write, and the `text` field of Source. One index seek per id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
