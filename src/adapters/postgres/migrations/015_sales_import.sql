-- Imported sales carry the key of the CSV row they came from (date, product, quantity, price, repeat):
-- importing the same file again, or a corrected copy, inserts only the rows not already there.
ALTER TABLE sales ADD COLUMN import_key text;
CREATE UNIQUE INDEX sales_import_key ON sales (shop_id, import_key) WHERE import_key IS NOT NULL;
