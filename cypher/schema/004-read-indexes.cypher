// Read-path indexes (issue 10): relationship property indexes for what stance lists filter
// and order on, so pages are top-N reads (index order) and meeting look-ups are seeks, and
// node indexes for the orders of the root lists. No index on a stance's status: every query
// filters it as coalesce(r.status, 'ACTIVE') = 'ACTIVE', which no property index can serve, and
// two values would not narrow a search anyway; each unused index entry slows every stance write
// (issue 11). 007-unused-indexes drops the ones earlier versions created. `retractedAt` is set
// only by a retraction, so its index holds the retracted stances alone (nulls are not
// indexed): it lets the stance table's total subtract them (stances/count-stances-of-kinds)
// at no cost to writing the active stances of an import.
CREATE INDEX proposed_date IF NOT EXISTS FOR ()-[r:PROPOSED]-() ON (r.date);
CREATE INDEX proposed_meeting_id IF NOT EXISTS FOR ()-[r:PROPOSED]-() ON (r.meetingId);
CREATE INDEX proposed_retracted_at IF NOT EXISTS FOR ()-[r:PROPOSED]-() ON (r.retractedAt);
CREATE INDEX rejected_date IF NOT EXISTS FOR ()-[r:REJECTED]-() ON (r.date);
CREATE INDEX rejected_meeting_id IF NOT EXISTS FOR ()-[r:REJECTED]-() ON (r.meetingId);
CREATE INDEX rejected_retracted_at IF NOT EXISTS FOR ()-[r:REJECTED]-() ON (r.retractedAt);
CREATE INDEX agreed_to_date IF NOT EXISTS FOR ()-[r:AGREED_TO]-() ON (r.date);
CREATE INDEX agreed_to_meeting_id IF NOT EXISTS FOR ()-[r:AGREED_TO]-() ON (r.meetingId);
CREATE INDEX agreed_to_retracted_at IF NOT EXISTS FOR ()-[r:AGREED_TO]-() ON (r.retractedAt);
CREATE INDEX considering_date IF NOT EXISTS FOR ()-[r:CONSIDERING]-() ON (r.date);
CREATE INDEX considering_meeting_id IF NOT EXISTS FOR ()-[r:CONSIDERING]-() ON (r.meetingId);
CREATE INDEX considering_retracted_at IF NOT EXISTS FOR ()-[r:CONSIDERING]-() ON (r.retractedAt);
CREATE INDEX actor_name IF NOT EXISTS FOR (n:Actor) ON (n.name);
CREATE INDEX position_title IF NOT EXISTS FOR (n:Position) ON (n.title);
CREATE INDEX document_title IF NOT EXISTS FOR (n:Document) ON (n.title);
CREATE INDEX source_published_at IF NOT EXISTS FOR (n:Source) ON (n.publishedAt);
