-- The "slow down" notice to a flooding sender (src/app/accept-unless-flooding.ts) speaks the language the
-- sender's shop chose. It is sent by the WhatsApp transport, in the 'channel' scope, before any shop is
-- entered, so row-level security hides shops from it. This reads across shops for one statement, as
-- app_member_by_phone does, and returns one value: the language the number's shop chose, or NULL when the
-- number belongs to no shop or its shop has not chosen (the notice then follows the message's register).
-- No shop id, name, role or setting leaves the function, and the caller's scope and shop are unchanged.
CREATE OR REPLACE FUNCTION app_chosen_language_of_member(p_phone text) RETURNS text
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
  chosen text;
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT s.language INTO chosen
    FROM shop_members m JOIN shops s ON s.id = m.shop_id
   WHERE m.phone = p_phone AND s.language_chosen;
  PERFORM set_config('app.scope', previous, true);
  RETURN chosen;
END $$;
