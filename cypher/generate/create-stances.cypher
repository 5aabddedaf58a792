// Stances $from..$to - 1 of a synthetic graph (see create-nodes): a quarter of each kind, actors and
// positions spread by large primes, dates over ten years, every third stance at a meeting,
// one in fifty retracted. Run in chunks so no transaction grows too large.
UNWIND range($from, $to - 1) AS i
WITH i, ['PROPOSED', 'REJECTED', 'AGREED_TO', 'CONSIDERING'][toInteger(4 * i / $stances)] AS kind,
     $prefix + 'source:' + (i % $sources) AS sourceId
MATCH (a:Actor {id: $prefix + 'actor:' + ((i * 7919) % $actors)})
MATCH (p:Position {id: $prefix + 'position:' + ((i * 104729 + (i / $positions) * 37) % $positions)})
CREATE (a)-[r:$(kind) {id: $prefix + 'stance:' + i}]->(p)
SET r.date = date('2000-01-01') + duration({days: (i * 31) % 3650}),
    r.meetingId = CASE WHEN i % 3 = 0 THEN $prefix + 'meeting:' + (i % $meetings) ELSE null END,
    r.sourceIds = [sourceId],
    r.evidence = ['Generated quote ' + i],
    r.evidenceText = 'Generated quote ' + i,
    r.status = CASE WHEN i % 50 = 49 THEN 'RETRACTED' ELSE 'ACTIVE' END,
    r.retractedAt = CASE WHEN i % 50 = 49 THEN datetime('2021-01-01T00:00:00Z') END,
    r.recordedAt = datetime('2020-01-01T00:00:00Z'),
    r.recordedBy = 'generator'
