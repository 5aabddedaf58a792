MATCH (s:Source)
WITH s ORDER BY s.publishedAt, s.publisher, s.id
WITH collect(s {.*}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items
