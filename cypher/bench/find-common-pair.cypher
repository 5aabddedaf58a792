// Benchmark set-up: two generated actors that both agreed to some position (for commonGround
// and connection), the first such pair in id order.
MATCH (a:Actor)-[:AGREED_TO]->(:Position)<-[:AGREED_TO]-(b:Actor)
WHERE a.id STARTS WITH $prefix AND a.id < b.id
RETURN a.id AS first, b.id AS second
LIMIT 1
