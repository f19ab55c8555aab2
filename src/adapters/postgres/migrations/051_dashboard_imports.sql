-- CSV imports started from the dashboard. The browser uploads the file in parts (the HTTP body limit is
-- small), then asks for the import to run; progress is kept here so any web process can report it.

CREATE TABLE dashboard_imports (
  id bigserial PRIMARY KEY,
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  file_name text NOT NULL DEFAULT 'upload.csv',
  csv text NOT NULL DEFAULT '',
  parts integer NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'uploading'
    CHECK (status IN ('uploading', 'running', 'done', 'failed')),
  done_rows integer NOT NULL DEFAULT 0,
  total_rows integer NOT NULL DEFAULT 0,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dashboard_imports_shop ON dashboard_imports (shop_id, id DESC);
