import type {
  GlobalModelTrainer,
  GlobalTrainOptions,
  TrainedGlobalModel,
  TrainingSet,
} from '../../core/forecasting/model-ports.js';
import { mulberry32 } from '../../core/simulation/seeded-random.js';
import { loadTf, type TfModule } from './tf-backend.js';

// A small multi-layer perceptron trained across all series at once. It outputs the mean (squared error)
// and each requested quantile (pinball loss) from one shared body, so the quantiles see the same features.

export interface TfQuantileMlpOptions {
  hiddenUnits?: number[];
  learningRate?: number;
  batchSize?: number;
  /** Weight of the squared-error term for the mean against the summed pinball losses. */
  meanWeight?: number;
}

interface Standardiser {
  mean: Float32Array;
  std: Float32Array;
}

function fitStandardiser(data: TrainingSet): Standardiser {
  const { width, rows, features } = data;
  const mean = new Float32Array(width);
  const sq = new Float32Array(width);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < width; c++) {
      const v = features[r * width + c]!;
      mean[c]! += v;
      sq[c]! += v * v;
    }
  }
  const std = new Float32Array(width);
  for (let c = 0; c < width; c++) {
    mean[c] = mean[c]! / Math.max(1, rows);
    std[c] = Math.sqrt(Math.max(0, sq[c]! / Math.max(1, rows) - mean[c]! ** 2)) || 1;
  }
  return { mean, std };
}

function standardise(s: Standardiser, features: Float32Array, width: number): Float32Array {
  const out = new Float32Array(features.length);
  for (let i = 0; i < features.length; i++) {
    const c = i % width;
    out[i] = (features[i]! - s.mean[c]!) / s.std[c]!;
  }
  return out;
}

function seededPermutation(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

function quantileLoss(tf: TfModule, quantiles: number[], meanWeight: number) {
  return (yTrue: import('@tensorflow/tfjs').Tensor, yPred: import('@tensorflow/tfjs').Tensor) =>
    tf.tidy(() => {
      // Keras checks the target's shape against the output's, so the target is padded to the output width.
      // Column 0 holds the target and column 1 the row weight.
      const y = yTrue.slice([0, 0], [-1, 1]);
      const w = yTrue.slice([0, 1], [-1, 1]);
      const meanOut = yPred.slice([0, 0], [-1, 1]);
      let loss = tf.square(tf.sub(meanOut, y)).mul(meanWeight);
      quantiles.forEach((q, i) => {
        const e = tf.sub(y, yPred.slice([0, i + 1], [-1, 1]));
        loss = loss.add(tf.maximum(e.mul(q), e.mul(q - 1)));
      });
      return tf.mean(loss.mul(w));
    });
}

export function createTfQuantileTrainer(options: TfQuantileMlpOptions = {}): GlobalModelTrainer {
  const hidden = options.hiddenUnits ?? [64, 32];
  const learningRate = options.learningRate ?? 0.003;
  const batchSize = options.batchSize ?? 512;
  const meanWeight = options.meanWeight ?? 0.5;
  return {
    name: 'tfjs-quantile-mlp',
    async train(data: TrainingSet, train: GlobalTrainOptions): Promise<TrainedGlobalModel> {
      const { tf } = await loadTf();
      const scaler = fitStandardiser(data);
      const model = tf.sequential();
      hidden.forEach((units, i) => {
        model.add(
          tf.layers.dense({
            units,
            activation: 'relu',
            ...(i === 0 ? { inputShape: [data.width] } : {}),
            kernelInitializer: tf.initializers.heNormal({ seed: train.seed + i }),
          }),
        );
      });
      model.add(
        tf.layers.dense({
          units: 1 + train.quantiles.length,
          // Zero output weights: the model starts from the core's baseline and learns corrections.
          kernelInitializer: 'zeros',
        }),
      );
      model.compile({
        optimizer: tf.train.adam(learningRate),
        loss: quantileLoss(tf, train.quantiles, meanWeight),
      });
      const x = tf.tensor2d(standardise(scaler, data.features, data.width), [data.rows, data.width]);
      const outputs = 1 + train.quantiles.length;
      const repeated = new Float32Array(data.rows * outputs);
      for (let r = 0; r < data.rows; r++) {
        repeated[r * outputs] = data.targets[r]!;
        repeated[r * outputs + 1] = data.weights?.[r] ?? 1;
      }
      const y = tf.tensor2d(repeated, [data.rows, outputs]);
      // tfjs shuffles with Math.random; a seeded order per epoch makes a training run repeatable, so a
      // change to the model can be judged apart from the luck of one shuffle.
      const rand = mulberry32(train.seed * 7919 + 17);
      try {
        for (let epoch = 0; epoch < train.epochs; epoch++) {
          const order = tf.tensor1d(seededPermutation(data.rows, rand), 'int32');
          const xe = tf.gather(x, order);
          const ye = tf.gather(y, order);
          try {
            // Yielding after every batch keeps a chat reply in the same process from waiting behind a
            // whole epoch (about a second of CPU for a 50-product shop).
            await model.fit(xe, ye, {
              epochs: 1,
              batchSize,
              shuffle: false,
              verbose: 0,
              yieldEvery: 'batch',
            });
          } finally {
            tf.dispose([order, xe, ye]);
          }
        }
      } finally {
        x.dispose();
        y.dispose();
      }
      return {
        async predict(features: Float32Array, rows: number): Promise<Float32Array> {
          const input = tf.tensor2d(standardise(scaler, features, data.width), [rows, data.width]);
          const output = model.predict(input) as import('@tensorflow/tfjs').Tensor;
          const values = (await output.data()) as Float32Array;
          input.dispose();
          output.dispose();
          return values;
        },
        dispose(): void {
          model.dispose();
        },
      };
    },
  };
}
