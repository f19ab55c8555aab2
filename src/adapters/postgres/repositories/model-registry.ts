import type { Queryable } from '../pool.js';

// The model registry: one row per trained version of a shop's forecaster, with the backtest figures it
// was chosen by, so versions can be compared like runs of an experiment. (shop, kind, version) is unique;
// registering a version that exists returns undefined and changes nothing.

export interface NewModelVersion {
  shopId: number;
  modelKind: string;
  version: string;
  trainingRows: number;
  params: Record<string, unknown>;
  backtest: Record<string, unknown>;
}

export interface ModelVersionRecord {
  id: number;
  version: string;
  trainingRows: number;
  params: Record<string, unknown>;
  backtest: Record<string, unknown>;
}

export function createModelRegistry(db: Queryable) {
  return {
    async find(shopId: number, modelKind: string, version: string): Promise<ModelVersionRecord | undefined> {
      const result = await db.query<ModelVersionRecord>(
        `SELECT id, version, training_rows AS "trainingRows", params, backtest FROM model_versions
         WHERE shop_id = $1 AND model_kind = $2 AND version = $3`,
        [shopId, modelKind, version],
      );
      return result.rows[0];
    },

    /** The new row's id, or undefined when this version was registered before. */
    async register(version: NewModelVersion): Promise<number | undefined> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO model_versions (shop_id, model_kind, version, training_rows, params, backtest)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (shop_id, model_kind, version) DO NOTHING RETURNING id`,
        [
          version.shopId,
          version.modelKind,
          version.version,
          version.trainingRows,
          JSON.stringify(version.params),
          JSON.stringify(version.backtest),
        ],
      );
      return result.rows[0]?.id;
    },

    async latest(shopId: number, modelKind: string): Promise<ModelVersionRecord | undefined> {
      const result = await db.query<ModelVersionRecord>(
        `SELECT id, version, training_rows AS "trainingRows", params, backtest FROM model_versions
         WHERE shop_id = $1 AND model_kind = $2 ORDER BY trained_at DESC, id DESC LIMIT 1`,
        [shopId, modelKind],
      );
      return result.rows[0];
    },
  };
}

export type ModelRegistry = ReturnType<typeof createModelRegistry>;
