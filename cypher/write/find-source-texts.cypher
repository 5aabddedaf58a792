// The stored texts of the sources a write quotes, to check inside the write transaction that
// every quote occurs verbatim (the read path's sources/find-source-texts serves the `text` field).
UNWIND $ids AS id
MATCH (s:Source {id: id})
WHERE s.text IS NOT NULL
RETURN s.id AS id, s.text AS text
