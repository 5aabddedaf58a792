// Batch look-up for the per-request document loader.
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d {.id, .title, .kind, .pages, .parts, .sourceIds, .evidence} AS document
