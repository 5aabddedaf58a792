// The audit log of a synthetic graph (see create-stances): one CREATE entry per stance
// $from..$to - 1, a minute apart, as an import would leave it. Only the scale test writes it
// (inside a transaction it rolls back), to hold the audit log's pages to the same cost as the
// log grows.
UNWIND range($from, $to - 1) AS i
CREATE (e:AuditEntry {id: $prefix + 'audit:' + i})
SET e.at = datetime('2020-01-01T00:00:00Z') + duration({minutes: i}),
    e.seq = 0,
    e.sequence = i + 1,
    e.batchSize = $stances,
    e.by = 'generator',
    e.via = 'IMPORT',
    e.action = 'CREATE',
    e.targetKind = 'Stance',
    e.targetId = $prefix + 'stance:' + i,
    e.summary = 'Generated stance ' + i
