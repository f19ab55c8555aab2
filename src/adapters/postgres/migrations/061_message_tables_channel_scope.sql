-- Message tables fail closed too. Migration 060 let a transaction with no shop set see every chat's
-- inbound_messages, outbound_messages and conversation_state rows, because the WhatsApp transport works
-- before anyone knows a message's shop. The transport now says so: it opens its transactions with
-- set_config('app.scope', 'channel', true) (withChannelTransaction / channelQueryable in tenant-scope.ts).
-- A transaction working for a shop sees its own rows and the ones not yet attributed to any shop, never
-- another shop's (as before, whatever its scope); with no shop, only the 'channel' or 'system' scope sees
-- these tables, and a transaction with neither sees no rows at all. The 'channel' scope opens nothing
-- else: the shop tables' policies accept only the transaction's shop or 'system'.
CREATE OR REPLACE FUNCTION app_message_row_visible(row_shop_id bigint) RETURNS boolean
  LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN app_current_shop() IS NOT NULL THEN row_shop_id IS NULL OR row_shop_id = app_current_shop()
                ELSE app_scope() IN ('channel', 'system') END
  $$;

ALTER POLICY shop_isolation ON inbound_messages
  USING (app_message_row_visible(shop_id)) WITH CHECK (app_message_row_visible(shop_id));
ALTER POLICY shop_isolation ON outbound_messages
  USING (app_message_row_visible(shop_id)) WITH CHECK (app_message_row_visible(shop_id));
ALTER POLICY shop_isolation ON conversation_state
  USING (app_message_row_visible(shop_id)) WITH CHECK (app_message_row_visible(shop_id));
