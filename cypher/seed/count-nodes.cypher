// Whether the graph holds anything (the count store answers this without a scan).
MATCH (n)
RETURN count(n) AS nodes
