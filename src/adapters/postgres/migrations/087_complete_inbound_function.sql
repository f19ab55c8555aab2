-- The end of an inbound transaction (its replies and processed marks) as one function that first goes back
-- to the transport's scope: a batch's replies belong to several shops, and leaving the last message's shop
-- was a round trip of its own before the statement. Set inside the function, the scope is in place before
-- the statement runs, whatever order PostgreSQL evaluates the statement's parts in.
--
-- Replies are inserted in the order given (ids follow it, and a chat's messages go out in id order); a
-- reply already there (same dedupe key) keeps its row, id and status. A channel whose sending is the
-- record itself (p_provider_prefix set: the simulator) gets its replies written as sent, each with its own
-- clock_timestamp(), unless an earlier message of the chat is still queued, or a chart (drawn by the
-- outbound job) comes before it in the chat. deliverable is materialized so its NOT EXISTS runs once per
-- reply.
CREATE OR REPLACE FUNCTION app_complete_inbound(
  p_done_ids bigint[], p_done_shops bigint[], p_intents text[], p_langs text[],
  p_reply_inbound_ids bigint[], p_reply_channels text[], p_reply_chats text[], p_reply_kinds text[],
  p_reply_bodies text[], p_reply_charts jsonb[], p_reply_dedupe_keys text[], p_provider_prefix text)
  RETURNS TABLE (id bigint, queued boolean)
  LANGUAGE plpgsql VOLATILE AS $$
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
    SELECT r.*, d.shop_id, p_provider_prefix IS NOT NULL AND NOT EXISTS (
        SELECT 1 FROM outbound_messages q
        WHERE q.channel = r.channel AND q.chat_id = r.chat_id AND q.status = 'queued'
      ) AND NOT EXISTS (
        SELECT 1 FROM reply c
        WHERE c.channel = r.channel AND c.chat_id = r.chat_id AND c.ord <= r.ord AND c.chart IS NOT NULL
      ) AS deliver_now
    FROM reply r JOIN done d ON d.inbound_id = r.inbound_id
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
    FROM done d WHERE m.id = d.inbound_id
  )
  SELECT w.id, w.status = 'queued' FROM written w JOIN reply r ON r.dedupe_key = w.dedupe_key ORDER BY r.ord;
END $$;
