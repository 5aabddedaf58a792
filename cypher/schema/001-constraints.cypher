// Every node kind has a unique, stable id (e.g. actor:vladimir-medinsky). The constraints
// also back the MERGEs of the seed loader and stop concurrent writers creating duplicates.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT meeting_id IF NOT EXISTS FOR (n:Meeting) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disagreement_id IF NOT EXISTS FOR (n:Disagreement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
// Stance edges have ids too (stance:...), so a claim can be cited, sourced and retracted.
CREATE CONSTRAINT proposed_id IF NOT EXISTS FOR ()-[r:PROPOSED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT rejected_id IF NOT EXISTS FOR ()-[r:REJECTED]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT agreed_to_id IF NOT EXISTS FOR ()-[r:AGREED_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT considering_id IF NOT EXISTS FOR ()-[r:CONSIDERING]-() REQUIRE r.id IS UNIQUE;
