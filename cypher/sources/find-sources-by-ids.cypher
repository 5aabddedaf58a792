// Batch look-up for the per-request source loader. The full text is left out (it can be
// large): Source.text and evidence offsets load it through find-source-texts when asked.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.id, .publisher, .title, .publishedAt, .language, .url, .sha256, .retrievedAt} AS source
