MATCH (d:Document)
WHERE ($kind IS NULL OR d.kind = $kind)
WITH d ORDER BY d.title, d.id
WITH collect(d {.*}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items
