import { describe, expect, it } from 'vitest';
import { createTfQuantileTrainer } from '../../../../src/adapters/ml/tf-quantile-mlp.js';
import { mulberry32 } from '../../../../src/core/simulation/seeded-random.js';

describe('TF.js quantile MLP', () => {
  it('learns a feature-dependent mean and ordered quantiles', async () => {
    const rand = mulberry32(9);
    const rows = 2000;
    const features = new Float32Array(rows * 2);
    const targets = new Float32Array(rows);
    for (let r = 0; r < rows; r++) {
      const x = rand() < 0.5 ? 0 : 1;
      features[r * 2] = x;
      features[r * 2 + 1] = rand();
      // Mean 1 when x = 0 and 3 when x = 1, uniform noise of width 2.
      targets[r] = 1 + 2 * x + (rand() * 2 - 1);
    }
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
