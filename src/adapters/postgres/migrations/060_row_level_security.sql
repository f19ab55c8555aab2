-- Tenant isolation in the database itself. The application runs every query as billmitra_app (pool.ts
-- switches each pooled connection to it), a role that neither owns the tables nor bypasses row-level
-- security, and says which shop a transaction works for with set_config('app.shop_id', id, true). The
-- setting is transaction-local, so a pooled connection handed to the next job carries no shop: a query
-- without one sees no shop's rows (the policies fail closed). See SECURITY.md for the named exceptions.

-- Roles are cluster-wide: several databases (tests, or a second deployment) may race to create it.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'billmitra_app') THEN
    CREATE ROLE billmitra_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END $$;

-- The migrating user must be able to SET ROLE to it (superusers can anyway).
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'billmitra_app', 'MEMBER') THEN
    EXECUTE format('GRANT billmitra_app TO %I', current_user);
  END IF;
END $$;

GRANT USAGE ON SCHEMA public TO billmitra_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO billmitra_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO billmitra_app;
REVOKE ALL ON schema_migrations FROM billmitra_app;
-- Tables later migrations create get the same grants; each new shop table still needs its own policy.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO billmitra_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO billmitra_app;

-- '' once a transaction that set it has ended, NULL in a connection that never set it: both mean none.
CREATE OR REPLACE FUNCTION app_current_shop() RETURNS bigint
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('app.shop_id', true), '')::bigint $$;

-- 'system' (work across shops, set only by withSystemTransaction and the functions below) or ''.
CREATE OR REPLACE FUNCTION app_scope() RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('app.scope', true), '') $$;

-- Shop tables: rows of the transaction's shop only. A later migration adding a table with shop_id calls
-- this too (test/integration/security checks that every such table is isolated).
CREATE OR REPLACE FUNCTION app_isolate_shop_table(shop_table regclass) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', shop_table);
  EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', shop_table);
  EXECUTE format(
    $policy$CREATE POLICY shop_isolation ON %s
      USING (shop_id = app_current_shop() OR app_scope() = 'system')
      WITH CHECK (shop_id = app_current_shop() OR app_scope() = 'system')$policy$,
    shop_table);
END $$;

REVOKE EXECUTE ON FUNCTION app_isolate_shop_table(regclass) FROM PUBLIC;

SELECT app_isolate_shop_table(shop_table::regclass) FROM unnest(ARRAY[
  'shop_members', 'products', 'product_aliases', 'category_suppliers', 'ledger_entries', 'sales',
  'purchases', 'stock_movements', 'price_changes', 'restock_lists', 'alerts_sent', 'forecasts',
  'forecast_explanations', 'forecast_training_sets', 'model_versions', 'dashboard_imports',
  'dashboard_sessions'
]) AS shop_table;

ALTER TABLE shops ENABLE ROW LEVEL SECURITY;
ALTER TABLE shops FORCE ROW LEVEL SECURITY;
CREATE POLICY shop_isolation ON shops
  USING (id = app_current_shop() OR app_scope() = 'system')
  WITH CHECK (id = app_current_shop() OR app_scope() = 'system');

-- Message tables (the WhatsApp transport: inbound, outbound, conversation state). They are keyed by chat,
-- and the transport accepts, locks and sends messages before anyone knows which shop they belong to, so a
-- transaction with no shop sees every chat's rows. A transaction working for a shop sees its own rows and
-- the ones not yet attributed to any shop (the message being handled), never another shop's.
DO $$
DECLARE
  message_table text;
BEGIN
  FOREACH message_table IN ARRAY ARRAY['inbound_messages', 'outbound_messages', 'conversation_state'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', message_table);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', message_table);
    EXECUTE format(
      $policy$CREATE POLICY shop_isolation ON %I
        USING (shop_id IS NULL OR shop_id = app_current_shop() OR app_current_shop() IS NULL)
        WITH CHECK (shop_id IS NULL OR shop_id = app_current_shop() OR app_current_shop() IS NULL)$policy$,
      message_table);
  END LOOP;
END $$;

-- The shop a phone number belongs to, looked up across shops without widening the caller's scope: the
-- system scope lasts for this one statement. Used to check a number is free and to log in by phone.
CREATE OR REPLACE FUNCTION app_member_by_phone(p_phone text, OUT shop_id bigint, OUT role text)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT m.shop_id, m.role INTO shop_id, role FROM shop_members m WHERE m.phone = p_phone;
  PERFORM set_config('app.scope', previous, true);
END $$;

-- The same lookup at the start of an inbound message, which then works for that shop: it sets the
-- transaction's shop in the same round trip.
CREATE OR REPLACE FUNCTION app_enter_shop_of_member(p_phone text, OUT shop_id bigint, OUT role text)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  SELECT found.shop_id, found.role INTO shop_id, role FROM app_member_by_phone(p_phone) found;
  IF shop_id IS NOT NULL THEN
    PERFORM set_config('app.shop_id', shop_id::text, true);
  END IF;
END $$;

-- A dashboard request names its shop only through its session cookie: find the session (across shops,
-- for this one statement), then work for its shop for the rest of the transaction.
CREATE OR REPLACE FUNCTION app_enter_shop_of_session(
  p_token_hash text, p_now timestamptz,
  OUT shop_id bigint, OUT phone text, OUT role text, OUT expires_at timestamptz)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  SELECT s.shop_id, s.phone, m.role, s.expires_at INTO shop_id, phone, role, expires_at
  FROM dashboard_sessions s
  JOIN shop_members m ON m.shop_id = s.shop_id AND m.phone = s.phone
  WHERE s.token_hash = p_token_hash AND s.expires_at > p_now;
  PERFORM set_config('app.scope', previous, true);
  IF shop_id IS NOT NULL THEN
    PERFORM set_config('app.shop_id', shop_id::text, true);
  END IF;
END $$;
