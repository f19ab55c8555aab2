-- The start of every inbound message in one round trip instead of three: enter the sender's shop (the
-- lookup of app_enter_shop_of_member, the only cross-shop read), then read that shop's row and the chat's
-- conversation state. Those two reads are not widened: each is its own statement inside the function, so
-- it runs under the caller's row-level security *after* app.shop_id is set (a policy in the caller's own
-- statement is not guaranteed to see a setting a function changed earlier in that statement). For a
-- member the state is therefore read within the member's shop: a chat state left by another shop (a
-- number that moved shops, a group chat) stays invisible, as it is to the queries that follow. For a
-- number of no shop nothing is entered and the state is read in the caller's scope (the transport's
-- 'channel' scope for the inbound job), for onboarding.
CREATE OR REPLACE FUNCTION app_enter_conversation(
  p_phone text, p_channel text, p_chat_id text, p_now timestamptz,
  OUT shop_id bigint, OUT role text, OUT shop shops, OUT state jsonb)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  SELECT entered.shop_id, entered.role INTO shop_id, role FROM app_enter_shop_of_member(p_phone) entered;
  IF shop_id IS NOT NULL THEN
    SELECT s.* INTO shop FROM shops s WHERE s.id = shop_id;
  END IF;
  SELECT c.state INTO state FROM conversation_state c
  WHERE c.channel = p_channel AND c.chat_id = p_chat_id AND (c.expires_at IS NULL OR c.expires_at > p_now);
END $$;
