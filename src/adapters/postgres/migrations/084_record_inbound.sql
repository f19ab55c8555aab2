-- Accepting WhatsApp deliveries in one round trip per batch instead of three to six. The transport used to
-- record a batch in a channel-scope transaction of its own (BEGIN and the scope, the INSERT, COMMIT) and a
-- second one to look up any replays. These functions set the channel scope themselves, so each is a single
-- autocommit statement, and they put the scope back as they found it, so called inside a transaction they
-- leave its scope unchanged. They run as the caller (no SECURITY DEFINER) under the caller's row-level
-- security: the channel scope opens the message tables only, and a transaction working for a shop still
-- sees only that shop's messages and the unattributed ones (a shop set wins over the scope).

-- Records the deliveries given as parallel arrays, each (channel, chat, participant, message id) once, and
-- answers every delivery in the order given: its row's id, whether this call inserted it (true only for
-- the first copy of a key repeated in the batch) and the row's status. New rows are matched to the
-- deliveries through the INSERT's RETURNING, so a batch of new deliveries reads no table. Each replay is
-- then looked up by its key (the unique index, whatever the statistics say) in a statement of its own,
-- after the INSERT: in READ COMMITTED it sees a row a concurrent batch committed while the INSERT waited on
-- its key. A delivery whose row it cannot see (taken back by a concurrent batch that could not queue it,
-- or another shop's, for a caller working for a shop) comes back with a NULL id; the caller fails and the
-- sender retries.
CREATE OR REPLACE FUNCTION app_record_inbound(
  p_channels text[], p_chat_ids text[], p_participants text[], p_message_ids text[],
  p_sender_phones text[], p_sender_lids text[], p_bodies text[])
  RETURNS TABLE (id bigint, inserted boolean, status text)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
  ids bigint[];
  firsts boolean[];
  statuses text[];
  found_id bigint;
  found_status text;
BEGIN
  PERFORM set_config('app.scope', 'channel', true);
  WITH added AS (
    INSERT INTO inbound_messages AS m
      (channel, chat_id, participant, message_id, sender_phone, sender_lid, body)
    SELECT * FROM unnest(p_channels, p_chat_ids, p_participants, p_message_ids, p_sender_phones,
                         p_sender_lids, p_bodies)
    ON CONFLICT (channel, chat_id, participant, message_id) DO NOTHING
    RETURNING m.id, m.channel, m.chat_id, m.participant, m.message_id),
  answered AS (
    SELECT given.ord, added.id AS added_id,
           added.id IS NOT NULL AND given.ord = min(given.ord) OVER (PARTITION BY added.id) AS first
    FROM unnest(p_channels, p_chat_ids, p_participants, p_message_ids) WITH ORDINALITY
      AS given (channel, chat_id, participant, message_id, ord)
    LEFT JOIN added
      ON added.channel = given.channel AND added.chat_id = given.chat_id
     AND added.participant = given.participant AND added.message_id = given.message_id)
  SELECT coalesce(array_agg(answered.added_id ORDER BY answered.ord), '{}'),
         coalesce(array_agg(answered.first ORDER BY answered.ord), '{}')
  INTO ids, firsts FROM answered;

  statuses := array_fill('received'::text, ARRAY[cardinality(ids)]);
  FOR i IN 1 .. cardinality(ids) LOOP
    CONTINUE WHEN ids[i] IS NOT NULL;
    SELECT m.id, m.status INTO found_id, found_status FROM inbound_messages m
    WHERE m.channel = p_channels[i] AND m.chat_id = p_chat_ids[i]
      AND m.participant = p_participants[i] AND m.message_id = p_message_ids[i];
    ids[i] := found_id;
    statuses[i] := found_status;
  END LOOP;
  PERFORM set_config('app.scope', previous, true);

  RETURN QUERY
    SELECT answer.row_id, answer.fresh, answer.row_status
    FROM unnest(ids, firsts, statuses) WITH ORDINALITY AS answer (row_id, fresh, row_status, ord)
    ORDER BY answer.ord;
END $$;

-- Takes back the rows of a batch whose jobs could not be queued (only while still 'received'), so the
-- senders' retries are accepted afresh.
CREATE OR REPLACE FUNCTION app_forget_unqueued_inbound(p_ids bigint[]) RETURNS void
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
BEGIN
  PERFORM set_config('app.scope', 'channel', true);
  DELETE FROM inbound_messages m WHERE m.id = ANY (p_ids) AND m.status = 'received';
  PERFORM set_config('app.scope', previous, true);
END $$;
