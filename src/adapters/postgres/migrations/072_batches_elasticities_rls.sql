-- Row-level security for the tables 070 and 071 added, as migration 060 does for every shop table: a
-- transaction sees and writes its own shop's rows only (or every shop's in the 'system' scope).
SELECT app_isolate_shop_table(shop_table::regclass)
  FROM unnest(ARRAY['price_elasticities', 'product_batches']) AS shop_table;

-- Price advice pools a shop's thin history with what other shops' estimates for the same category show
-- (src/core/pricing/shrinkage.ts). Those estimates are read across shops for this one statement, as
-- app_member_by_phone reads members, and only as numbers: no shop, product or date leaves the function.
CREATE OR REPLACE FUNCTION app_category_elasticities(p_category text, p_exclude_shop bigint, p_since date)
  RETURNS TABLE (elasticity double precision, se double precision)
  LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  previous text := app_scope();
BEGIN
  PERFORM set_config('app.scope', 'system', true);
  RETURN QUERY
    SELECT e.elasticity, e.se FROM price_elasticities e
     WHERE e.category = p_category AND e.shop_id <> p_exclude_shop AND e.estimated_on >= p_since;
  PERFORM set_config('app.scope', previous, true);
END $$;
