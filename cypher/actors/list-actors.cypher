// Actors filtered by kind and by a folded (case- and accent-insensitive) name fragment that
// matches the name or any alias; ordered by name, then id, so pages are stable.
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($name IS NULL OR a.searchKey CONTAINS $name)
WITH a ORDER BY a.name, a.id
WITH collect(a {.*}) AS matches
RETURN size(matches) AS total, matches[$offset..$offset + $limit] AS items
