-- Failed and stranded event publications are looked for by status every few seconds on every node (ADR 0025);
-- completed ones are purged after a week, so the table stays small and this index cheap.
CREATE INDEX event_publication_status_idx ON event_publication (status);
