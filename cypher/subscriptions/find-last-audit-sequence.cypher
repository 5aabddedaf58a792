// Where the audit log ends now: a follower starting up delivers only what comes after this.
OPTIONAL MATCH (counter:AuditSequence {name: 'audit'})
RETURN coalesce(counter.last, 0) AS last
