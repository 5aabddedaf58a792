// Benchmark baseline: how many active REJECTED stances, as the service's total reports: the
// count store less the retracted ones (through the retractedAt index).
CALL () {
  MATCH ()-[r:REJECTED]->()
  RETURN count(r) AS stored
}
CALL () {
  MATCH ()-[r:REJECTED]->() WHERE r.retractedAt IS NOT NULL
  RETURN count(r) AS retracted
}
RETURN stored - retracted AS total
