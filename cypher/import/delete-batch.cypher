// Removes an applied batch, in the same transaction that applied it: a batch is either still
// staged or applied, never both, so a resumed run applies each batch exactly once.
MATCH (b:ImportBatch)
WHERE b.run = $run AND b.rank = $rank AND b.seq = $seq
DELETE b
