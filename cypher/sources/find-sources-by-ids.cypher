// Batch look-up for the per-request source loader.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .publisher, .title, .publishedAt, .language, .url} AS source
