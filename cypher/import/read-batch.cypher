// The rows of one staged batch.
MATCH (b:ImportBatch)
WHERE b.run = $run AND b.rank = $rank AND b.seq = $seq
RETURN b.query AS query, b.section AS section, b.dataset AS dataset, b.allNew AS allNew, b.rows AS rows
