-- Foundation schema. Money is integer paise (bigint); quantities are numeric in the product's unit;
-- business dates are shop-local calendar days, timestamps are UTC (timestamptz).

CREATE TABLE shops (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  language text NOT NULL DEFAULT 'hi-Latn' CHECK (language IN ('en', 'hi', 'hi-Latn')),
  language_chosen boolean NOT NULL DEFAULT false,
  state_code text,
  time_zone text NOT NULL DEFAULT 'Asia/Kolkata',
  alerts_enabled boolean NOT NULL DEFAULT true,
  quiet_start time NOT NULL DEFAULT '21:30',
  quiet_end time NOT NULL DEFAULT '08:00',
  min_margin_bp integer NOT NULL DEFAULT 500 CHECK (min_margin_bp >= 0),
  lead_time_days integer NOT NULL DEFAULT 2 CHECK (lead_time_days >= 0),
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The phone numbers allowed to act for a shop. A number belongs to at most one shop.
CREATE TABLE shop_members (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  phone text NOT NULL,
  role text NOT NULL CHECK (role IN ('owner', 'staff')),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, phone)
);
CREATE UNIQUE INDEX shop_members_phone_key ON shop_members (phone);

CREATE TABLE products (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  catalog_id text NOT NULL,
  name_en text NOT NULL,
  name_hi text,
  name_hi_latn text,
  aliases text[] NOT NULL DEFAULT '{}',
  category text NOT NULL DEFAULT 'other',
  unit text NOT NULL,
  price_paise bigint NOT NULL CHECK (price_paise >= 0),
  cost_paise bigint CHECK (cost_paise >= 0),
  mrp_paise bigint CHECK (mrp_paise >= 0),
  pack_size numeric NOT NULL DEFAULT 1 CHECK (pack_size > 0),
  shelf_life_days integer,
  lead_time_days integer,
  stock_quantity numeric NOT NULL DEFAULT 0,
  on_order_quantity numeric NOT NULL DEFAULT 0,
  supplier_phone text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop_id, catalog_id),
  CHECK (mrp_paise IS NULL OR price_paise <= mrp_paise)
);

-- Every message that reached us, once: the unique key is what makes a replayed delivery count once.
CREATE TABLE inbound_messages (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  chat_id text NOT NULL,
  participant text NOT NULL DEFAULT '',
  message_id text NOT NULL,
  sender_phone text,
  sender_lid text,
  body text NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'processed', 'failed')),
  processed_at timestamptz,
  shop_id bigint REFERENCES shops (id) ON DELETE SET NULL,
  intent text,
  lang text,
  UNIQUE (channel, chat_id, participant, message_id)
);
CREATE INDEX inbound_messages_pending ON inbound_messages (received_at) WHERE status = 'received';
CREATE INDEX inbound_messages_chat ON inbound_messages (channel, chat_id, id);

CREATE TABLE outbound_messages (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  chat_id text NOT NULL,
  shop_id bigint REFERENCES shops (id) ON DELETE SET NULL,
  inbound_message_id bigint REFERENCES inbound_messages (id) ON DELETE SET NULL,
  kind text NOT NULL DEFAULT 'reply',
  body text NOT NULL,
  image_png bytea,
  template jsonb,
  dedupe_key text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'failed')),
  provider_message_id text,
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz
);
CREATE INDEX outbound_messages_chat ON outbound_messages (channel, chat_id, id);
CREATE INDEX outbound_messages_queued ON outbound_messages (created_at) WHERE status = 'queued';
CREATE INDEX outbound_messages_provider ON outbound_messages (provider_message_id)
  WHERE provider_message_id IS NOT NULL;

-- One row per shopkeeper action that changed the books: the unit of undo.
CREATE TABLE ledger_entries (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('sale', 'purchase', 'set_stock', 'set_price', 'import')),
  inbound_message_id bigint REFERENCES inbound_messages (id) ON DELETE SET NULL,
  actor_phone text,
  business_date date NOT NULL,
  details jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  undone_at timestamptz
);
CREATE INDEX ledger_entries_shop_recent ON ledger_entries (shop_id, created_at DESC);

CREATE TABLE sales (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  entry_id bigint REFERENCES ledger_entries (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id),
  sale_date date NOT NULL,
  quantity numeric NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  unit_price_paise bigint NOT NULL CHECK (unit_price_paise >= 0),
  amount_paise bigint NOT NULL CHECK (amount_paise >= 0),
  cost_paise bigint,
  voided boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sales_shop_date ON sales (shop_id, sale_date) WHERE NOT voided;
CREATE INDEX sales_product_date ON sales (product_id, sale_date) WHERE NOT voided;

CREATE TABLE purchases (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  entry_id bigint REFERENCES ledger_entries (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id),
  purchase_date date NOT NULL,
  quantity numeric NOT NULL CHECK (quantity > 0),
  unit text NOT NULL,
  unit_cost_paise bigint,
  amount_paise bigint,
  voided boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX purchases_shop_date ON purchases (shop_id, purchase_date) WHERE NOT voided;

-- Stock is products.stock_quantity; this journal says how it got there (and lets undo reverse it).
CREATE TABLE stock_movements (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id),
  entry_id bigint REFERENCES ledger_entries (id) ON DELETE CASCADE,
  delta numeric NOT NULL,
  reason text NOT NULL CHECK (reason IN ('sale', 'purchase', 'set_stock', 'undo', 'import')),
  business_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stock_movements_product ON stock_movements (product_id, business_date);

CREATE TABLE price_changes (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id),
  entry_id bigint REFERENCES ledger_entries (id) ON DELETE CASCADE,
  field text NOT NULL CHECK (field IN ('price', 'cost', 'mrp')),
  old_paise bigint,
  new_paise bigint NOT NULL,
  effective_date date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Pending questions and other per-chat conversation state; survives restarts.
CREATE TABLE conversation_state (
  channel text NOT NULL,
  chat_id text NOT NULL,
  shop_id bigint REFERENCES shops (id) ON DELETE CASCADE,
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  PRIMARY KEY (channel, chat_id)
);

CREATE TABLE model_versions (
  id bigserial PRIMARY KEY,
  shop_id bigint REFERENCES shops (id) ON DELETE CASCADE,
  model_kind text NOT NULL,
  version text NOT NULL,
  trained_at timestamptz NOT NULL DEFAULT now(),
  training_rows integer NOT NULL DEFAULT 0,
  params jsonb NOT NULL DEFAULT '{}',
  backtest jsonb NOT NULL DEFAULT '{}',
  artifact bytea,
  UNIQUE (shop_id, model_kind, version)
);

CREATE TABLE forecasts (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  target_date date NOT NULL,
  origin_date date NOT NULL,
  model_version_id bigint REFERENCES model_versions (id) ON DELETE SET NULL,
  model_kind text NOT NULL,
  mean numeric NOT NULL,
  p10 numeric NOT NULL,
  p50 numeric NOT NULL,
  p90 numeric NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, product_id, target_date)
);

CREATE TABLE forecast_explanations (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  origin_date date NOT NULL,
  explanation jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, product_id)
);

CREATE TABLE alerts_sent (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  kind text NOT NULL,
  dedupe_key text NOT NULL,
  local_date date NOT NULL,
  product_id bigint REFERENCES products (id) ON DELETE SET NULL,
  festival_id text,
  outbound_message_id bigint REFERENCES outbound_messages (id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (shop_id, dedupe_key)
);
