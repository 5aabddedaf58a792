// How many sources there are (answered from the count store).
MATCH (s:Source)
RETURN count(s) AS total
