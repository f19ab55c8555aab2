import { median } from 'simple-statistics';
import { festivalsBetween } from '../../src/core/festivals/index.js';
import { confidenceFromSd } from '../../src/core/pricing/confidence.js';
import {
  type ElasticityOptions,
  estimateElasticity,
  type PricedDay,
} from '../../src/core/pricing/elasticity.js';
import { festivalWindows } from '../../src/core/pricing/festival-windows.js';
import { categoryPrior, shrinkElasticity } from '../../src/core/pricing/shrinkage.js';
import { PRODUCT_PROFILES } from '../../src/core/simulation/product-profiles.js';
import { SHOP_START, type SimulatedSeries, simulateSeries, simulateShopSeries } from './price-simulation.js';

// Does the price-response estimator recover known elasticities? 120 simulated series per design, two years
// each, true elasticities spread evenly over -0.5 .. -2.5; every series is estimated on its own, then pooled
// towards a leave-one-out prior from the other series of its group (as the app pools across a category).
//
// Designs:
//  - shop, price change every ~50 days: the project's shop simulator (src/core/simulation), see
//    price-simulation.ts: ~14 price changes in two years of 5-35% (0.80..1.15 of the reference price,
//    shelf steps, capped at the MRP), weekend/payday/season/festival-window demand, profile noise (negative
//    binomial dispersion 15-40) and base units (2-20 a day), plus slow drift.
//  - shop, price change every ~150 days: the same with rarer changes (~4-5 in two years).
//  - stress, 3-6 or 12-18 changes: the first bench's design, kept so before/after compare on the same draws:
//    random temporary promotions (14-41 days) and list-price changes of 5-20% that may overlap, noise
//    shape 5 (much burstier than any simulator profile), 3-30 units a day, single festival days at 2.2x.
//
// Each design is estimated twice on the same draws: "before" is the first estimator's controls (weekday, one
// festival flag, linear trend); "after" adds payday week, a yearly cycle and one level per named festival
// window from src/core/festivals (lead days as listed there, not the simulator's own windows).
// "Identifiable" is the series whose own 90% interval is narrow enough to state a number (se <= 0.12, the
// chat's "high" confidence); the share that qualifies is part of the result.

const SERIES = Number(process.env.BENCH_PRICE_SERIES ?? 120);
const VERBOSE = process.env.BENCH_PRICE_VERBOSE === '1';
const DAYS = 730;
const THIN_DAYS = 120;
const HIGH_SE = 0.12;

interface Design {
  label: string;
  series: (SimulatedSeries & { group: string })[];
  /** The same series as the "before" estimator saw them, and as the "after" one does. */
  before: (days: PricedDay[]) => PricedDay[];
  after: (days: PricedDay[], group: string) => PricedDay[];
}

const OLD_OPTIONS: ElasticityOptions = { payday: false, seasonMinDays: Number.POSITIVE_INFINITY };
const elasticityOf = (i: number): number => -0.5 - (2 * i) / Math.max(1, SERIES - 1);

function shopDesign(label: string, meanGapDays: number): Design {
  const festivals = festivalsBetween(2024, 2026).map(({ id, date }) => ({ id, date }));
  const end = PRODUCT_PROFILES.length;
  const series = Array.from({ length: SERIES }, (_, i) =>
    simulateShopSeries(`shop-${String(i).padStart(3, '0')}`, {
      seed: 2000 + i,
      days: DAYS,
      elasticity: elasticityOf(i),
      // Profiles cycle in a different order from the elasticities, so neither tracks the other.
      profile: PRODUCT_PROFILES[(i * 7) % end]!,
      meanGapDays,
      festivals,
    }),
  );
  const last = series[0]!.days[DAYS - 1]!.date;
  const windows = new Map<string, Map<string, string>>();
  const windowsFor = (group: string): Map<string, string> => {
    let found = windows.get(group);
    if (!found) {
      found = festivalWindows(SHOP_START, last, { category: group as 'snacks' });
      windows.set(group, found);
    }
    return found;
  };
  const anyWindow = festivalWindows(SHOP_START, last);
  return {
    label,
    series,
    before: (days) => days.map((d) => ({ ...d, festival: anyWindow.has(d.date) })),
    after: (days, group) => {
      const named = windowsFor(group);
      return days.map((d) => {
        const id = named.get(d.date);
        return id ? { ...d, festivalId: id } : d;
      });
    },
  };
}

function stressDesign(label: string, changes: (i: number) => number): Design {
  const series = Array.from({ length: SERIES }, (_, i) => ({
    ...simulateSeries(`sim-${String(i).padStart(3, '0')}`, {
      seed: 1000 + i,
      days: DAYS,
      baseDailyUnits: 3 + ((i * 7) % 28),
      elasticity: elasticityOf(i),
      noiseShape: 5,
      priceChanges: changes(i),
    }),
    group: 'all',
  }));
  return { label, series, before: (days) => days, after: (days) => days };
}

interface Row {
  truth: number;
  estimate: number;
  se: number;
  covered: boolean;
  group: string;
}

function fitAll(design: Design, which: 'before' | 'after', slice = 0): (Row | null)[] {
  return design.series.map((s) => {
    const days = slice > 0 ? s.days.slice(-slice) : s.days;
    const input = which === 'before' ? design.before(days) : design.after(days, s.group);
    const fit = estimateElasticity(input, which === 'before' ? OLD_OPTIONS : {});
    if (!fit.identified) return null;
    return {
      truth: s.trueElasticity,
      estimate: fit.elasticity,
      se: fit.se,
      covered: fit.low <= s.trueElasticity && s.trueElasticity <= fit.high,
      group: s.group,
    };
  });
}

const pct = (n: number, of: number): string => `${n}/${of} = ${((100 * n) / Math.max(1, of)).toFixed(0)}%`;
const within = (errors: number[]): number => errors.filter((e) => e <= 0.2).length;

// Each series shrunk towards a prior from the other series of its group (their full-history estimates).
function pooledErrors(rows: (Row | null)[], reference: (Row | null)[]): number[] {
  return rows.flatMap((r, i) => {
    const truth = elasticityOf(i);
    const group = reference[i]?.group ?? r?.group;
    const others = reference.flatMap((o, j) =>
      o && j !== i && o.group === group ? [{ elasticity: o.estimate, se: o.se }] : [],
    );
    const pooled = shrinkElasticity(r ? { elasticity: r.estimate, se: r.se } : null, categoryPrior(others));
    return [Math.abs(pooled.elasticity - truth)];
  });
}

function report(design: Design): void {
  const changes = design.series.map((s) => countChanges(s.days));
  console.log(
    `\n=== ${design.label}: ${design.series.length} series x ${DAYS} days; price changes per series ` +
      `median ${median(changes)} (${Math.min(...changes)}-${Math.max(...changes)})`,
  );
  let after: (Row | null)[] = [];
  for (const which of ['before', 'after'] as const) {
    const fitted = fitAll(design, which);
    if (which === 'after') after = fitted;
    const rows = fitted.filter((r): r is Row => r !== null);
    const errors = rows.map((r) => Math.abs(r.estimate - r.truth));
    const sure = rows.filter((r) => r.se <= HIGH_SE);
    const pooled = pooledErrors(fitted, fitted);
    console.log(
      `  ${which.padEnd(6)} own within ±0.2 ${pct(within(errors), rows.length)}; median |err| ` +
        `${median(errors).toFixed(3)}; 90% interval covers ${pct(rows.filter((r) => r.covered).length, rows.length)}`,
    );
    console.log(
      `         identifiable (se <= ${HIGH_SE}): ${pct(sure.length, design.series.length)} of series, ` +
        `within ±0.2 ${pct(within(sure.map((r) => Math.abs(r.estimate - r.truth))), sure.length)}; ` +
        `pooled within group: within ±0.2 ${pct(within(pooled), pooled.length)}, median |err| ${median(pooled).toFixed(3)}`,
    );
    for (const level of ['medium', 'low'] as const) {
      const bucket = rows.filter((r) => confidenceFromSd(r.se) === level);
      if (bucket.length === 0) continue;
      const ok = within(bucket.map((r) => Math.abs(r.estimate - r.truth)));
      console.log(
        `         confidence ${level}: ${bucket.length} series, within ±0.2 ${ok}/${bucket.length}`,
      );
    }
  }
  if (VERBOSE) {
    console.log('  series  true    est     se    in90');
    after.forEach((r, i) => {
      if (r) {
        console.log(
          `  ${design.series[i]!.id}  ${r.truth.toFixed(2)}  ${r.estimate.toFixed(2)}  ${r.se.toFixed(2)}  ${r.covered ? 'yes' : 'no'}`,
        );
      }
    });
  }
  // Thin history: the last THIN_DAYS days, own estimate against one pooled towards the other series' full
  // histories (as a category prior is built from other shops).
  const thin = fitAll(design, 'after', THIN_DAYS);
  const thinOwn = thin.flatMap((r) => (r ? [Math.abs(r.estimate - r.truth)] : []));
  const thinPooled = pooledErrors(thin, after);
  console.log(
    `  thin (last ${THIN_DAYS} days): own identified ${thinOwn.length}/${thin.length}, within ±0.2 ` +
      `${pct(within(thinOwn), thinOwn.length)}; pooled (all series) within ±0.2 ${pct(within(thinPooled), thinPooled.length)}, ` +
      `median |err| ${median(thinPooled).toFixed(3)}`,
  );
}

// The same shop draws without festivals or seasons, fitted by a model that is then exactly right: what the
// noise, volumes and price steps alone allow. The gap between this and "after" is what the calendar costs.
function noiseFloor(meanGapDays: number): void {
  const errors: number[] = [];
  for (let i = 0; i < SERIES; i++) {
    const profile = PRODUCT_PROFILES[(i * 7) % PRODUCT_PROFILES.length]!;
    const s = simulateShopSeries(`shop-${String(i).padStart(3, '0')}`, {
      seed: 2000 + i,
      days: DAYS,
      elasticity: elasticityOf(i),
      profile: { ...profile, season: undefined },
      meanGapDays,
      festivals: [],
    });
    const fit = estimateElasticity(s.days, { seasonMinDays: Number.POSITIVE_INFINITY });
    if (fit.identified) errors.push(Math.abs(fit.elasticity - s.trueElasticity));
  }
  console.log(
    `  noise floor (same draws, no festivals or seasons, exact model): within ±0.2 ` +
      `${pct(within(errors), errors.length)}; median |err| ${median(errors).toFixed(3)}`,
  );
}

function countChanges(days: readonly PricedDay[]): number {
  return days.reduce((n, d, i) => (i > 0 && d.price !== days[i - 1]!.price ? n + 1 : n), 0);
}

const started = performance.now();
report(shopDesign('shop, price change every ~50 days (the simulator)', 50));
noiseFloor(50);
report(shopDesign('shop, price change every ~150 days', 150));
noiseFloor(150);
report(stressDesign('stress, 3-6 changes, noise shape 5', (i) => 3 + (i % 4)));
report(stressDesign('stress, 12-18 promotions, noise shape 5', (i) => 12 + (i % 7)));
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s`);
