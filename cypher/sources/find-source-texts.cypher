// The stored texts of the given sources (only those that have one): quotes citing them must
// occur in them verbatim. One index seek per id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
