// What the coding assistant needs besides the text: the source, the actors to match names
// against, their memberships (person -> delegation -> state) and the meetings to place
// stances at. Bounded: the assistant matches against at most $maxActors actors.
MATCH (s:Source {id: $sourceId})
CALL () {
  MATCH (a:Actor)
  WITH a ORDER BY a.id LIMIT $maxActors
  RETURN collect(a {.id, .name, .kind, .aliases}) AS actors
}
CALL () {
  MATCH (p:Actor)-[:MEMBER_OF]->(g:Actor)
  RETURN collect({memberId: p.id, groupId: g.id})[..$maxActors] AS memberships
}
CALL () {
  MATCH (m:Meeting)
  WITH m ORDER BY m.date DESC LIMIT $maxActors
  RETURN collect(m {.id, .title, .date}) AS meetings
}
RETURN s {.*} AS source, actors, memberships, meetings
