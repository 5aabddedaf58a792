// The stance table's total when only kinds (and includeRetracted) narrow it: per kind, the
// count store's number of stances (one db hit) less the retracted ones, read through the
// `retractedAt` index (which holds only retracted stances: a retraction sets it, nothing else
// does) up to $countCap; past it the total is an estimate, as in count-stances.
// Where count-stances reads every matching stance up to its cap to apply the other filters,
// this reads only the retracted ones: exact for far larger graphs, at a fraction of the cost.
// The index is named (USING INDEX) so no statistics of the moment can turn the read into a
// scan of every stance (see list-stances).
UNWIND coalesce($kinds, ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING']) AS kind
CALL (kind) {
  WITH kind WHERE kind = 'PROPOSED'
  CALL () {
    MATCH (:Actor)-[r:PROPOSED]->()
    RETURN count(r) AS stored
  }
  CALL () {
    MATCH ()-[r:PROPOSED]->() USING INDEX r:PROPOSED(retractedAt) WHERE r.retractedAt IS NOT NULL
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS retracted
  }
  RETURN stored, retracted
  UNION ALL
  WITH kind WHERE kind = 'REJECTED'
  CALL () {
    MATCH (:Actor)-[r:REJECTED]->()
    RETURN count(r) AS stored
  }
  CALL () {
    MATCH ()-[r:REJECTED]->() USING INDEX r:REJECTED(retractedAt) WHERE r.retractedAt IS NOT NULL
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS retracted
  }
  RETURN stored, retracted
  UNION ALL
  WITH kind WHERE kind = 'AGREED_TO'
  CALL () {
    MATCH (:Actor)-[r:AGREED_TO]->()
    RETURN count(r) AS stored
  }
  CALL () {
    MATCH ()-[r:AGREED_TO]->() USING INDEX r:AGREED_TO(retractedAt) WHERE r.retractedAt IS NOT NULL
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS retracted
  }
  RETURN stored, retracted
  UNION ALL
  WITH kind WHERE kind = 'CONSIDERING'
  CALL () {
    MATCH (:Actor)-[r:CONSIDERING]->()
    RETURN count(r) AS stored
  }
  CALL () {
    MATCH ()-[r:CONSIDERING]->() USING INDEX r:CONSIDERING(retractedAt) WHERE r.retractedAt IS NOT NULL
    WITH r LIMIT $countCap + 1
    RETURN count(r) AS retracted
  }
  RETURN stored, retracted
}
RETURN sum(stored - CASE WHEN $includeRetracted THEN 0 ELSE retracted END) AS total,
       any(n IN collect(retracted) WHERE n > $countCap AND NOT $includeRetracted) AS estimated
