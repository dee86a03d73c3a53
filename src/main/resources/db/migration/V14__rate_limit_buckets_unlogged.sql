-- Rate-limit buckets without the write-ahead log (ADR 0032): every counted request updates a bucket, and with the log
-- each of those commits waited for an fsync. A bucket is worth nothing after a crash (a crash empties an UNLOGGED
-- table: every caller starts with a full bucket) and the replica never reads one (limits are counted on the primary).
ALTER TABLE rate_limit_buckets SET UNLOGGED;
