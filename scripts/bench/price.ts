import { median } from 'simple-statistics';
import { confidenceFromSd } from '../../src/core/pricing/confidence.js';
import { estimateElasticity } from '../../src/core/pricing/elasticity.js';
import { categoryPrior, shrinkElasticity } from '../../src/core/pricing/shrinkage.js';
import { type SimulatedSeries, simulateSeries } from './price-simulation.js';

// Does the price-response estimator recover known elasticities? Simulates series with elasticities spread
// over -0.5 .. -2.5 (two years, 3..30 units a day, weekday pattern, festival days, drift, over-dispersed
// noise), estimates each, and reports the error per series, the share within ±0.2, how often the 90%
// interval holds the truth, and the share within ±0.2 per confidence level the chat would state. Two regimes:
// a few price changes (3-6, the usual kirana case) and regular promotions (12-18 changes). A second pass
// cuts every series to its last 120 days (thin history) and compares, on the same series, own estimates
// with ones shrunk towards a prior built from the other series' long histories.

const SERIES = Number(process.env.BENCH_PRICE_SERIES ?? 120);
const DAYS = 730;
const THIN_DAYS = 120;

function simulateAll(changes: (i: number) => number): SimulatedSeries[] {
  return Array.from({ length: SERIES }, (_, i) =>
    simulateSeries(`sim-${String(i).padStart(2, '0')}`, {
      seed: 1000 + i,
      days: DAYS,
      baseDailyUnits: 3 + ((i * 7) % 28),
      elasticity: -0.5 - (2 * i) / Math.max(1, SERIES - 1),
      noiseShape: 5,
      priceChanges: changes(i),
    }),
  );
}

function fmt(value: number, digits = 2): string {
  return (value >= 0 ? ' ' : '') + value.toFixed(digits);
}

function runRegime(label: string, changes: (i: number) => number): void {
  const series = simulateAll(changes);
  const rows: { id: string; truth: number; estimate: number; se: number; covered: boolean; ms: number }[] =
    [];
  for (const s of series) {
    const started = performance.now();
    const fit = estimateElasticity(s.days);
    const ms = performance.now() - started;
    if (!fit.identified) {
      console.log(`${s.id}: not identified (${fit.reason})`);
      continue;
    }
    rows.push({
      id: s.id,
      truth: s.trueElasticity,
      estimate: fit.elasticity,
      se: fit.se,
      covered: fit.low <= s.trueElasticity && s.trueElasticity <= fit.high,
      ms,
    });
  }

  console.log(
    `\n=== ${label}: full history (${DAYS} days), ${rows.length}/${series.length} series identified`,
  );
  console.log('series   true    est     err     se    in90');
  for (const r of rows) {
    console.log(
      `${r.id}  ${fmt(r.truth)}  ${fmt(r.estimate)}  ${fmt(r.estimate - r.truth)}  ${r.se.toFixed(2)}  ${r.covered ? 'yes' : 'no'}`,
    );
  }
  const errors = rows.map((r) => Math.abs(r.estimate - r.truth));
  const within = errors.filter((e) => e <= 0.2).length;
  console.log(`\nwithin ±0.2: ${within}/${rows.length} = ${((100 * within) / rows.length).toFixed(1)}%`);
  console.log(
    `median |error|: ${median(errors).toFixed(3)}   max |error|: ${Math.max(...errors).toFixed(3)}`,
  );
  console.log(
    `90% interval coverage: ${((100 * rows.filter((r) => r.covered).length) / rows.length).toFixed(1)}%`,
  );
  for (const level of ['high', 'medium', 'low'] as const) {
    const bucket = rows.filter((r) => confidenceFromSd(r.se) === level);
    if (bucket.length === 0) continue;
    const ok = bucket.filter((r) => Math.abs(r.estimate - r.truth) <= 0.2).length;
    console.log(`  confidence ${level}: ${bucket.length} series, within ±0.2 ${ok}/${bucket.length}`);
  }
  console.log(`median fit time: ${median(rows.map((r) => r.ms)).toFixed(2)} ms per series (${DAYS} days)`);

  // Thin history: the last THIN_DAYS of each series, own estimate against one pooled towards the other
  // series' full-history estimates (leave-one-out prior, as a category prior would be built from other shops).
  const thinOwn: number[] = [];
  const thinPooled: number[] = [];
  const priorOnly: number[] = [];
  for (const [index, s] of series.entries()) {
    const fit = estimateElasticity(s.days.slice(-THIN_DAYS));
    const prior = categoryPrior(
      rows.filter((_, j) => j !== index).map((r) => ({ elasticity: r.estimate, se: r.se })),
    );
    const pooled = shrinkElasticity(
      fit.identified ? { elasticity: fit.elasticity, se: fit.se } : null,
      prior,
    );
    const pooledError = Math.abs(pooled.elasticity - s.trueElasticity);
    if (fit.identified) {
      thinOwn.push(Math.abs(fit.elasticity - s.trueElasticity));
      thinPooled.push(pooledError);
    } else {
      priorOnly.push(pooledError);
    }
  }
  console.log(
    `\nThin history (last ${THIN_DAYS} days): own estimate identified for ${thinOwn.length}/${series.length}`,
  );
  console.log(`  own:    median |error| ${median(thinOwn).toFixed(3)}, within ±0.2 ${share(thinOwn)}`);
  console.log(`  pooled: median |error| ${median(thinPooled).toFixed(3)}, within ±0.2 ${share(thinPooled)}`);
  if (priorOnly.length > 0) {
    console.log(
      `  others, prior only: median |error| ${median(priorOnly).toFixed(3)} (${priorOnly.length} series)`,
    );
  }
}

runRegime('a few price changes', (i) => 3 + (i % 4));
runRegime('regular promotions', (i) => 12 + (i % 7));

function share(errs: number[]): string {
  return `${((100 * errs.filter((e) => e <= 0.2).length) / errs.length).toFixed(1)}%`;
}
