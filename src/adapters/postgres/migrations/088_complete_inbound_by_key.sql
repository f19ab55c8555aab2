-- The completion's processed marks found their rows by a hash join over a sequential scan of
-- inbound_messages whenever the connection's one generic plan (pool.ts: force_generic_plan) was made while
-- the table was small, as on a new deployment: the plan then stays until an ANALYZE, and every completion
-- read the whole table (seen in bench:pipeline with auto_explain: 1,667 rows scanned to mark 9, 1.8 ms a
-- call). The function now plans without sequential scans, so the marks go through the primary key: none of
-- its tables is one it should read whole, however small it looked when the plan was made.
ALTER FUNCTION app_complete_inbound(bigint[], bigint[], text[], text[], bigint[], text[], text[], text[],
  text[], jsonb[], text[], text) SET enable_seqscan = off;
