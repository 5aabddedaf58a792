// One token by its public id, for authentication on every request that presents one. Revoked
// tokens are kept (for the record) but never returned here.
MATCH (t:ApiToken {id: $id})
WHERE t.revokedAt IS NULL
RETURN t {.id, .name, .role, .salt, .hash, .createdAt, .expiresAt} AS token
