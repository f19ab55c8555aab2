import { describe, expect, it } from 'vitest';
import { createTfQuantileTrainer } from '../../../../src/adapters/ml/tf-quantile-mlp.js';
import { mulberry32 } from '../../../../src/core/simulation/seeded-random.js';

function noisySteps(seed: number, rows: number) {
  const rand = mulberry32(seed);
  const features = new Float32Array(rows * 2);
  const targets = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    const x = rand() < 0.5 ? 0 : 1;
    features[r * 2] = x;
    features[r * 2 + 1] = rand();
    // Mean 1 when x = 0 and 3 when x = 1, uniform noise of width 2.
    targets[r] = 1 + 2 * x + (rand() * 2 - 1);
  }
  return { features, targets, rows, width: 2 };
}

describe('TF.js quantile MLP', () => {
  it('trains the same model twice from the same seed, and another from another seed', async () => {
    const data = noisySteps(4, 1500);
    const trainer = createTfQuantileTrainer({ hiddenUnits: [8], batchSize: 64, learningRate: 0.01 });
    const trainAndPredict = async (seed: number) => {
      const model = await trainer.train(data, { quantiles: [0.1, 0.5, 0.9], seed, epochs: 3 });
      const out = await model.predict(new Float32Array([0, 0.2, 1, 0.7]), 2);
      model.dispose();
      return Array.from(out);
    };
    const first = await trainAndPredict(5);
    expect(await trainAndPredict(5)).toEqual(first);
    expect(await trainAndPredict(6)).not.toEqual(first);
  }, 60_000);

  it('learns a feature-dependent mean and ordered quantiles', async () => {
    const { features, targets, rows } = noisySteps(9, 2000);
    const model = await createTfQuantileTrainer({
      hiddenUnits: [16],
      batchSize: 256,
      learningRate: 0.01,
    }).train({ features, targets, rows, width: 2 }, { quantiles: [0.1, 0.5, 0.9], seed: 1, epochs: 20 });
    const out = await model.predict(new Float32Array([0, 0.5, 1, 0.5]), 2);
    model.dispose();
    expect(out[0]!).toBeCloseTo(1, 0);
    expect(out[4]!).toBeCloseTo(3, 0);
    // Uniform(-1, 1): p10 and p90 sit 0.8 below and above the median.
    expect(out[4]! - out[5]!).toBeGreaterThan(0.4);
    expect(out[7]! - out[6]!).toBeGreaterThan(0.4);
    expect(out[6]!).toBeGreaterThan(out[5]!);
  }, 60_000);
});
