// Weighted least squares through the normal equations with a Cholesky factorisation. The designs here are
// small (an intercept, log price, six weekdays, a festival flag, a trend), so forming XᵀWX is cheap and
// accurate enough; a tiny ridge keeps a rank-deficient design (no festival days in the data) solvable.

export interface WeightedFit {
  coefficients: number[];
  /** (XᵀWX)⁻¹, the unscaled covariance of the coefficients. */
  inverse: number[][];
}

export function weightedLeastSquares(
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  weights: readonly number[],
  ridge = 1e-8,
): WeightedFit {
  const k = rows[0]?.length ?? 0;
  const xtwx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xtwy = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    const w = weights[i] ?? 0;
    const y = targets[i] ?? 0;
    for (let a = 0; a < k; a++) {
      const wa = w * (row[a] ?? 0);
      xtwy[a] = (xtwy[a] ?? 0) + wa * y;
      const line = xtwx[a]!;
      for (let b = 0; b <= a; b++) line[b] = (line[b] ?? 0) + wa * (row[b] ?? 0);
    }
  });
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < a; b++) xtwx[b]![a] = xtwx[a]![b]!;
    xtwx[a]![a] = xtwx[a]![a]! * (1 + ridge) + ridge;
  }
  const lower = cholesky(xtwx);
  const coefficients = choleskySolve(lower, xtwy);
  const inverse = Array.from({ length: k }, (_, col) =>
    choleskySolve(
      lower,
      Array.from({ length: k }, (_, r) => (r === col ? 1 : 0)),
    ),
  );
  return { coefficients, inverse };
}

function cholesky(matrix: number[][]): number[][] {
  const n = matrix.length;
  const lower = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let m = 0; m < j; m++) sum -= lower[i]![m]! * lower[j]![m]!;
      if (i === j) lower[i]![i] = Math.sqrt(Math.max(sum, 1e-12));
      else lower[i]![j] = sum / lower[j]![j]!;
    }
  }
  return lower;
}

function choleskySolve(lower: number[][], rhs: readonly number[]): number[] {
  const n = lower.length;
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = rhs[i] ?? 0;
    for (let m = 0; m < i; m++) sum -= lower[i]![m]! * y[m]!;
    y[i] = sum / lower[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let m = i + 1; m < n; m++) sum -= lower[m]![i]! * x[m]!;
    x[i] = sum / lower[i]![i]!;
  }
  return x;
}
