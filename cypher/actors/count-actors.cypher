// How many actors list-actors would page through (same filters).
MATCH (a:Actor)
WHERE ($kind IS NULL OR a.kind = $kind)
  AND ($name IS NULL OR a.searchKey CONTAINS $name)
RETURN count(a) AS total
