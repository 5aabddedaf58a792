// How many documents list-documents would page through.
MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind)
RETURN count(d) AS total
