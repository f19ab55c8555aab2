-- Stock received with an expiry date ("20 doodh aaya expiry 28 tarikh"), one row per product per purchase.
-- Sales take from the batch that expires first; remaining is what is left of this batch. Price advice and
-- the morning alerts read the earliest-expiring batch that still has stock.
CREATE TABLE product_batches (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  entry_id bigint REFERENCES ledger_entries (id) ON DELETE CASCADE,
  received_on date NOT NULL,
  expires_on date NOT NULL,
  received numeric NOT NULL CHECK (received > 0),
  remaining numeric NOT NULL CHECK (remaining >= 0 AND remaining <= received),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX product_batches_open ON product_batches (shop_id, product_id, expires_on) WHERE remaining > 0;
