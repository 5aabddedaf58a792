// A page of sources, oldest first, with how many there are (from the count store): one row,
// one round trip.
CALL () {
  MATCH (s:Source)
  RETURN count(s) AS total
}
CALL () {
  MATCH (s:Source)
  WITH s ORDER BY s.publishedAt, s.publisher, s.id SKIP $offset LIMIT $limit
  RETURN collect(s {.id, .publisher, .title, .publishedAt, .language, .url, .sha256, .retrievedAt}) AS sources
}
RETURN total, sources
