// Revokes a token: it stays, with who revoked it and when, but no longer authenticates.
// Returns nothing when there is no such token in force.
MATCH (t:ApiToken {id: $id})
WHERE t.revokedAt IS NULL
SET t.revokedAt = $now, t.revokedBy = $by
RETURN t {.id, .name, .role, .createdAt, .expiresAt} AS token
