// The one-time move of a tokens file (.data/tokens.json) into the database: each entry is
// added unless a token with its id exists already (also a revoked one, which stays revoked),
// so running it twice, or on two replicas at once, adds each token once. `$run` is unique to
// this call and tells the tokens it added from those another call added.
UNWIND $tokens AS token
MERGE (t:ApiToken {id: token.id})
  ON CREATE SET t += token, t.migratedAt = $now, t.migration = $run
RETURN t.id AS id, t.migration = $run AS added
