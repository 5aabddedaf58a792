// A synthetic graph for the scale test and the benchmark (src/generate): $actors actors,
// $positions positions (Demand / Proposal / Concession in turn), $meetings meetings and
// $sources sources, ids under $prefix. Deterministic: the same sizes give the same graph.
// $typeLabels maps a position type to its label (POSITION_TYPE_LABELS, the one mapping).
CALL () {
  UNWIND range(0, $sources - 1) AS i
  CREATE (:Source {id: $prefix + 'source:' + i, publisher: 'Generated publisher ' + (i % 7), title: 'Generated report ' + i,
                   publishedAt: date('2000-01-01') + duration({days: i})})
}
CALL () {
  UNWIND range(0, $actors - 1) AS i
  WITH i, 'Generated actor ' + right('00000' + toString(i), 6) AS name
  CREATE (:Actor {id: $prefix + 'actor:' + i, name: name, kind: 'STATE', aliases: [], aliasesText: '', searchKey: toLower(name),
                  sourceIds: [$prefix + 'source:' + (i % $sources)], evidence: ['Generated evidence for ' + name]})
}
CALL () {
  UNWIND range(0, $meetings - 1) AS i
  WITH i, 'Generated meeting ' + i AS title
  CREATE (:Meeting {id: $prefix + 'meeting:' + i, title: title, round: i, date: date('2000-01-01') + duration({days: (i * 37) % 3650}),
                    status: 'HELD', city: 'Generated city', searchKey: toLower(title), sourceIds: [], evidence: []})
}
CALL () {
  UNWIND range(0, $positions - 1) AS i
  WITH i, ['DEMAND', 'PROPOSAL', 'CONCESSION'][i % 3] AS type,
       'Generated position ' + right('00000' + toString(i), 6) AS title,
       ['CEASEFIRE', 'PRISONERS_AND_REMAINS', 'TERRITORY', 'SANCTIONS_ECONOMIC', 'CHILDREN'] AS topics
  CREATE (p:Position {id: $prefix + 'position:' + i, type: type, title: title, summary: 'A generated ' + toLower(type) + ', number ' + i,
                      topics: [topics[i % 5], topics[(i * 3 + 1) % 5]], searchKey: toLower(title), sourceIds: [], evidence: []})
  SET p:$($typeLabels[type])
}
