// Batch look-up for the per-request actor loader. Only the properties the API exposes are
// returned (no search keys or full-text copies), so the driver decodes less.
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .kind, .aliases, .description, .wikidataId, .sourceIds, .evidence} AS actor
