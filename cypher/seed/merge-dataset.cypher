// Records which datasets were loaded and when first; re-loading changes nothing.
MERGE (d:Dataset {id: $id})
ON CREATE SET d.recordedAt = datetime($now)
SET d.title = $title, d.description = $description, d.formatVersion = $formatVersion
