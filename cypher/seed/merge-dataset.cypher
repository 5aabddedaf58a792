// Records which dataset files were loaded, and when.
MERGE (d:Dataset {id: $id})
ON CREATE SET d.recordedAt = datetime($now)
SET d.title = $title, d.description = $description, d.formatVersion = $formatVersion, d.loadedAt = datetime($now)
