// Batch look-up for the per-request meeting loader (exposed properties only).
UNWIND $ids AS id
MATCH (m:Meeting {id: id})
RETURN m {.id, .title, .kind, .round, .date, .startedAt, .endedAt, .durationMinutes, .venue, .city, .status, .sourceIds, .evidence} AS meeting
