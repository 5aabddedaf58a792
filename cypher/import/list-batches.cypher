// The staged batches of a run still to apply, in apply order: sections in the loader's order
// (nodes before the edges that need them), then file order.
MATCH (b:ImportBatch)
WHERE b.run = $run
RETURN b.rank AS rank, b.seq AS seq, b.section AS section, b.count AS count
ORDER BY rank, seq
