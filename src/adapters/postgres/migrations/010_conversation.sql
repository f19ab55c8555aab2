-- Conversation engine: words a shop taught for its products, and a catalog version so a shop's product
-- matcher is rebuilt only when its products or aliases change.

ALTER TABLE shops ADD COLUMN catalog_version integer NOT NULL DEFAULT 0;

CREATE TABLE product_aliases (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  alias text NOT NULL,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, alias)
);

-- Undo looks for a shop's newest entry that is still in force.
CREATE INDEX ledger_entries_shop_open ON ledger_entries (shop_id, id DESC) WHERE undone_at IS NULL;
CREATE INDEX sales_entry ON sales (entry_id);
CREATE INDEX purchases_entry ON purchases (entry_id);
CREATE INDEX stock_movements_entry ON stock_movements (entry_id);
CREATE INDEX price_changes_entry ON price_changes (entry_id);
