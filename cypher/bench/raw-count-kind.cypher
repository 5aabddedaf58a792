// Benchmark baseline: how many REJECTED stances (the count store), as the service's total
// reports past its exact-count threshold.
MATCH ()-[r:REJECTED]->()
RETURN count(r) AS total
