-- A report's chart no longer holds back the replies after it in its chat. It is drawn by the outbound job
-- after the report's text has gone, and it comes captioned with its title, so it reads right wherever it
-- lands; but while it waited to be drawn, every later reply of the chat was queued behind it. Under load
-- the charts lag (at 1,000 msg/s offered they went out a minute after their report), and the shopkeeper's
-- sales confirmations waited with them. Now a reply waits only for queued replies of its chat that are
-- not charts (the outbound job's lock keeps to the same rule); a chart waits for nothing but its drawing.
--
-- Whether the chat has such a reply queued is one probe of outbound_messages_chat_queued per reply (a
-- LATERAL with LIMIT 1): as a NOT EXISTS, PostgreSQL could run it as a hashed subplan that read every
-- queued reply of every chat into a hash at each completion. The processed marks keep migration 088's
-- rule (no sequential scans) and name their ids for the primary key.
CREATE OR REPLACE FUNCTION app_complete_inbound(
  p_done_ids bigint[], p_done_shops bigint[], p_intents text[], p_langs text[],
  p_reply_inbound_ids bigint[], p_reply_channels text[], p_reply_chats text[], p_reply_kinds text[],
  p_reply_bodies text[], p_reply_charts jsonb[], p_reply_dedupe_keys text[], p_provider_prefix text)
  RETURNS TABLE (id bigint, queued boolean)
  LANGUAGE plpgsql VOLATILE SET enable_seqscan = off AS $$
#variable_conflict use_column
BEGIN
  PERFORM set_config('app.shop_id', '', true);
  RETURN QUERY
  WITH done AS (
    SELECT * FROM unnest(p_done_ids, p_done_shops, p_intents, p_langs) AS d (inbound_id, shop_id, intent, lang)
  ), reply AS (
    SELECT * FROM unnest(p_reply_inbound_ids, p_reply_channels, p_reply_chats, p_reply_kinds, p_reply_bodies,
                         p_reply_charts, p_reply_dedupe_keys)
      WITH ORDINALITY AS r (inbound_id, channel, chat_id, kind, body, chart, dedupe_key, ord)
  ), deliverable AS MATERIALIZED (
    SELECT r.*, d.shop_id, p_provider_prefix IS NOT NULL AND r.chart IS NULL AND waiting.queued IS NULL
      AS deliver_now
    FROM reply r JOIN done d ON d.inbound_id = r.inbound_id
    LEFT JOIN LATERAL (
      SELECT true AS queued FROM outbound_messages q
      WHERE q.channel = r.channel AND q.chat_id = r.chat_id AND q.status = 'queued' AND q.chart IS NULL
      LIMIT 1
    ) waiting ON true
  ), written AS (
    INSERT INTO outbound_messages AS o (channel, chat_id, shop_id, inbound_message_id, kind, body, chart,
      dedupe_key, status, provider_message_id, sent_at, attempts)
    SELECT channel, chat_id, shop_id, inbound_id, kind, body, chart, dedupe_key,
      CASE WHEN deliver_now THEN 'sent' ELSE 'queued' END,
      CASE WHEN deliver_now THEN p_provider_prefix || gen_random_uuid()::text END,
      CASE WHEN deliver_now THEN clock_timestamp() END,
      CASE WHEN deliver_now THEN 1 ELSE 0 END
    FROM deliverable ORDER BY ord
    ON CONFLICT (dedupe_key) DO UPDATE SET dedupe_key = EXCLUDED.dedupe_key
    RETURNING o.id, o.dedupe_key, o.status
  ), marked AS (
    UPDATE inbound_messages m
    SET status = 'processed', processed_at = now(), shop_id = d.shop_id, intent = d.intent, lang = d.lang
    FROM done d WHERE m.id = d.inbound_id AND m.id = ANY (p_done_ids)
  )
  SELECT w.id, w.status = 'queued' FROM written w JOIN reply r ON r.dedupe_key = w.dedupe_key ORDER BY r.ord;
END $$;
