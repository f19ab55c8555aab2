-- Each shop's own price-response estimate per product, kept so that price advice in another shop can pool
-- across shops of the same category when that shop's own history is thin (categoryPrior in
-- src/core/pricing/shrinkage.ts). Written whenever price advice estimates a product afresh.
CREATE TABLE price_elasticities (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  product_id bigint NOT NULL REFERENCES products (id) ON DELETE CASCADE,
  category text NOT NULL,
  elasticity double precision NOT NULL,
  se double precision NOT NULL CHECK (se > 0),
  estimated_on date NOT NULL,
  PRIMARY KEY (shop_id, product_id)
);
CREATE INDEX price_elasticities_category ON price_elasticities (category, estimated_on);
