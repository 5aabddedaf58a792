// The tokens in force (not revoked), oldest first, without salts or hashes. Bounded: a
// deployment holds tens of tokens, never thousands.
MATCH (t:ApiToken)
WHERE t.revokedAt IS NULL
RETURN t {.id, .name, .role, .createdAt, .expiresAt} AS token
ORDER BY t.createdAt, t.id
LIMIT $limit
