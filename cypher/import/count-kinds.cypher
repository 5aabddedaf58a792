// How many items of each kind the graph holds, each read from the count store in constant
// time. A section of a kind the graph holds none of needs no comparison while the input is
// read: every item in it is new (a first import into an empty graph skips import/diff-*).
CALL () { MATCH (n:Source) RETURN count(n) AS sources }
CALL () { MATCH (n:Actor) RETURN count(n) AS actors }
CALL () { MATCH (n:Meeting) RETURN count(n) AS meetings }
CALL () { MATCH (n:Position) RETURN count(n) AS positions }
CALL () { MATCH (n:Document) RETURN count(n) AS documents }
CALL () { MATCH (n:Disagreement) RETURN count(n) AS disagreements }
CALL () { MATCH ()-[r:PROPOSED]->() RETURN count(r) AS proposed }
CALL () { MATCH ()-[r:REJECTED]->() RETURN count(r) AS rejected }
CALL () { MATCH ()-[r:AGREED_TO]->() RETURN count(r) AS agreedTo }
CALL () { MATCH ()-[r:CONSIDERING]->() RETURN count(r) AS considering }
RETURN sources, actors, meetings, positions, documents, disagreements, proposed + rejected + agreedTo + considering AS stances
