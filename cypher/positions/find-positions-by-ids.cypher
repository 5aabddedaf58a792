// Batch look-up for the per-request position loader (exposed properties only).
UNWIND $ids AS id
MATCH (p:Position {id: id})
RETURN p {.id, .type, .title, .summary, .topics, .sourceIds, .evidence} AS position
