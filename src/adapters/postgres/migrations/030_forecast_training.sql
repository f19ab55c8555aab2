-- The nightly forecast pipeline: the features job stores each shop's training input per forecast day
-- (as_of, the first forecast day), the training job reads it. Its fingerprint names the model version, so
-- a retried or repeated run over the same data finds its version already trained and changes nothing.
CREATE TABLE forecast_training_sets (
  shop_id bigint NOT NULL REFERENCES shops (id) ON DELETE CASCADE,
  as_of date NOT NULL,
  fingerprint text NOT NULL,
  reason text NOT NULL,
  series_count integer NOT NULL,
  -- {"series": [{productId, category, start, units[], prices[], stockOuts[]}], "stateCode": ...}
  input jsonb NOT NULL,
  built_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (shop_id, as_of)
);

CREATE INDEX model_versions_shop_trained ON model_versions (shop_id, trained_at DESC);
CREATE INDEX forecasts_model_version ON forecasts (model_version_id);
