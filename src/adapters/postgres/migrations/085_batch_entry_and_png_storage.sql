-- An inbound message's start inside a batch of messages (handle-inbound-batch.ts): back to the transport's
-- scope (the message before it may have entered another shop, and a number of no shop enters nothing),
-- then app_enter_conversation for the message's sender. As one function it goes as a prepared statement,
-- planned once, where the statement built around the message's id was planned for every message. The
-- caller holds the message locked and has checked it still waits to be processed.
CREATE OR REPLACE FUNCTION app_enter_conversation_of_inbound(
  p_inbound_id bigint, p_now timestamptz,
  OUT shop_id bigint, OUT role text, OUT shop shops, OUT state jsonb)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  message record;
  entered record;
BEGIN
  PERFORM set_config('app.shop_id', '', true);
  SELECT i.sender_phone, i.chat_id, i.channel INTO message FROM inbound_messages i WHERE i.id = p_inbound_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'inbound message % is not there to enter', p_inbound_id;
  END IF;
  SELECT * INTO entered FROM app_enter_conversation(
    COALESCE(message.sender_phone, message.chat_id), message.channel, message.chat_id, p_now);
  shop_id := entered.shop_id;
  role := entered.role;
  shop := entered.shop;
  state := entered.state;
END $$;

-- Report charts are PNGs, already compressed: storing them out of line without pglz spares PostgreSQL an
-- attempt to compress every one of them.
ALTER TABLE outbound_messages ALTER COLUMN image_png SET STORAGE EXTERNAL;
