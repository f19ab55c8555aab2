// Interfaces the core needs from model libraries that load WebAssembly or native code. The adapters in
// src/adapters/ml/ implement them; the core only sees plain arrays.

/** A per-series statistical forecaster (e.g. MSTL + AutoETS). */
export interface PeerForecaster {
  readonly name: string;
  /** Point forecasts for `horizon` days after an unbroken history. */
  forecast(history: readonly number[], horizon: number): number[];
}

/** A row-major feature matrix with one target per row (targets are already scaled by the core). */
export interface TrainingSet {
  features: Float32Array;
  targets: Float32Array;
  rows: number;
  width: number;
  /** Optional per-row loss weights with mean 1. */
  weights?: Float32Array;
}

export interface GlobalTrainOptions {
  /** Quantile levels the model must output after its mean, ascending, e.g. [0.1, 0.5, 0.9]. */
  quantiles: number[];
  seed: number;
  /** Training passes over the data; the adapter may stop earlier. */
  epochs: number;
}

export interface TrainedGlobalModel {
  /** Per row: mean, then one value per quantile (rows x (1 + quantiles.length), row-major). */
  predict(features: Float32Array, rows: number): Promise<Float32Array>;
  dispose(): void;
}

/** Trains one model across all series given (a global model), with a quantile (pinball) loss. */
export interface GlobalModelTrainer {
  readonly name: string;
  train(data: TrainingSet, options: GlobalTrainOptions): Promise<TrainedGlobalModel>;
}
