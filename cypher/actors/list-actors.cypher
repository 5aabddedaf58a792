// Actors filtered by kind and by a folded (case- and accent-insensitive) name fragment that
// matches the name or any alias; ordered by name, then id, so pages are stable. Top-N: the
// name index gives the order, so a page reads about offset + limit actors (the total is
// counted by count-actors).
MATCH (a:Actor)
WHERE a.name IS NOT NULL
  AND ($kind IS NULL OR a.kind = $kind)
  AND ($name IS NULL OR a.searchKey CONTAINS $name)
RETURN a {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence} AS actor
ORDER BY a.name, a.id
SKIP $offset LIMIT $limit
