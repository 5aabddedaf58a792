// Relations between actors and positions beyond stances (issue 12): a stance's targets are
// looked up by the stance id, involvement by role; meetings are listed by kind.
CREATE INDEX targets_stance_id IF NOT EXISTS FOR ()-[r:TARGETS]-() ON (r.stanceId);
CREATE INDEX involves_role IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.role);
CREATE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind);
