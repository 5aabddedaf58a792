// A position has the label Position plus exactly one type label: $typeLabels maps each type
// to its label (POSITION_TYPE_LABELS in src/shared/graph-kinds.ts, the one mapping), so a
// position whose type changed loses the old type's label and gets the new one's.
UNWIND $rows AS row
MERGE (p:Position {id: row.id})
ON CREATE SET p.recordedAt = datetime($now), p.recordedBy = $recordedBy
SET p += row.props
REMOVE p:$([type IN keys($typeLabels) | $typeLabels[type]])
SET p:$($typeLabels[row.props.type])
