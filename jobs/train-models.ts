import type { QueuePayloads } from '../src/adapters/queue/payloads.js';
import { type TrainForecastsDeps, trainShopForecasts } from '../src/app/forecasting/train-shop-forecasts.js';
import type { ForecastDeps } from '../src/core/forecasting/index.js';

// TensorFlow.js and the augurs WebAssembly load on the first training job, not when a worker starts:
// most worker processes never train, and loading them costs seconds and memory.
let loading: Promise<ForecastDeps> | undefined;

export function loadForecastModels(): Promise<ForecastDeps> {
  loading ??= (async () => {
    const [{ createTfQuantileTrainer }, { createAugursEtsPeer }] = await Promise.all([
      import('../src/adapters/ml/tf-quantile-mlp.js'),
      import('../src/adapters/ml/augurs-ets-peer.js'),
    ]);
    return {
      globalModel: createTfQuantileTrainer(),
      peer: createAugursEtsPeer(),
      // Workers may share a process with the chat pipeline: let it run between chunks of training.
      pause: () => new Promise<void>((resolve) => setImmediate(resolve)),
    };
  })();
  return loading;
}

export default (deps: Omit<TrainForecastsDeps, 'models'> & Partial<Pick<TrainForecastsDeps, 'models'>>) => {
  const withModels: TrainForecastsDeps = { ...deps, models: deps.models ?? loadForecastModels };
  return async (payload: QueuePayloads['training']) => {
    await trainShopForecasts(withModels, payload);
  };
};
