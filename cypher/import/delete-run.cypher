// Removes the node of a run that wrote nothing (refused, discarded before or in its one
// transaction, or with nothing to change), once its staged batches are gone: only runs that
// changed the graph stay as its record, so refused requests do not pile up nodes.
MATCH (r:ImportRun {id: $id})
WHERE r.status IN ['STAGING', 'COMMITTED', 'FAILED']
DETACH DELETE r
