// Stores a new token (its salted hash, never the secret). The id is unique (constraint
// api_token_id): a clash fails the transaction instead of replacing a token.
CREATE (t:ApiToken)
SET t = $token
RETURN t {.id, .name, .role, .createdAt, .expiresAt} AS token
