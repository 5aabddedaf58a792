// Stores (or replaces) a source's text with its hash and retrieval time; the caller has
// checked that every quote citing the source occurs in the new text.
MATCH (s:Source {id: $id})
SET s.text = $text, s.sha256 = $sha256, s.retrievedAt = $retrievedAt,
    s.updatedAt = datetime($now), s.updatedBy = $updatedBy
RETURN s {.*} AS source
