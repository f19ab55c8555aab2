-- Restock advice, supplier orders and proactive alerts. An alert can name several products, so the
-- products it was about are kept with it (one alert of a kind per item per day is checked against them).
ALTER TABLE alerts_sent ADD COLUMN product_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX alerts_sent_shop_day ON alerts_sent (shop_id, local_date);

-- A supplier for a whole category ("snacks ka supplier 98765 43210"); a product's own
-- products.supplier_phone wins over it.
CREATE TABLE category_suppliers (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  category text NOT NULL,
  phone text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, category)
);

-- The last restock list the shop was shown (a chat answer or a festival alert): what "order bhej do"
-- sends. items: [{"productId": products.id, "units": n}]. Sent lists count as stock on order until the
-- goods are logged as purchases.
CREATE TABLE restock_lists (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  source text NOT NULL CHECK (source IN ('chat', 'alert')),
  festival_id text,
  items jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  sent_at timestamptz
);
CREATE INDEX restock_lists_shop ON restock_lists (shop_id, id DESC);
