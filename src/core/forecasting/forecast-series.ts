import type { Band } from './bands.js';
import { type ModelBands, runBaseModels } from './base-models.js';
import { dateOfDay, dayNumber } from './day-math.js';
import { buildEventTable } from './event-table.js';
import { explainForecast, horizonDates } from './explain.js';
import { featureLayout, type SeriesContext, seriesContext } from './features.js';
import { type GlobalPrediction, predictGlobal, trainGlobal } from './global-model.js';
import { calibrateTails, countBand } from './interval-calibration.js';
import type { GlobalModelTrainer, PeerForecaster, TrainedGlobalModel } from './model-ports.js';
import {
  type BacktestWindow,
  backtestFigures,
  bestOverall,
  blendShares,
  chooseModel,
  withBlends,
} from './selection.js';
import { buildFrame } from './series-frame.js';
import type { Confidence, EventDay, ForecastDay, ForecastResult, SeriesInput } from './types.js';

export interface ForecastOptions {
  series: SeriesInput[];
  horizon: number;
  /** First forecast day; defaults to the day after the latest date in any series. */
  startDate?: string;
  events: EventDay[];
  /** Days before an event in which shoppers buy ahead (default 7). */
  leadDays?: number;
  /** Rolling-origin backtest windows of min(horizon, 28) days before the start (default 2). */
  backtestWindows?: number;
  /** Relative backtest win a series' own best model needs to replace the preferred one (default 0.2). */
  selectionMargin?: number;
  /** Defaults to the model or blend with the best revenue-weighted backtest across all series. */
  preferredModel?: string;
  includeModelForecasts?: boolean;
  seed?: number;
  globalEpochs?: number;
  globalMaxRows?: number;
  /**
   * Global models trained on different seeded samples and averaged (default 1). Two members cost about
   * 10 s more CPU per M5 run and did not win on every window (chosen 0.954 vs 0.957 on the last three,
   * worse on two of them), so one stays the default.
   */
  globalMembers?: number;
  /** Loss weighting of the global model's rows (default 'revenue', as the M5 score weights series). */
  globalWeighting?: 'revenue' | 'none';
  /** Fit the global model again on all history for the final forecast (default: reuse the backtest fit). */
  retrainForFinal?: boolean;
}

export interface ForecastDeps {
  globalModel?: GlobalModelTrainer;
  peer?: PeerForecaster;
  /**
   * Awaited between chunks of work: a job in a process that also answers chats passes one that lets the
   * event loop run (setImmediate), so a reply does not wait behind seconds of forecasting.
   */
  pause?: () => Promise<void>;
}

/** Calls `pause` before every 16th item: often enough for ~100 ms chunks, rarely enough to cost nothing. */
function pacer(pause: (() => Promise<void>) | undefined): (i: number) => Promise<void> | undefined {
  return (i) => (pause && i % 16 === 15 ? pause() : undefined);
}

function toBand(p: GlobalPrediction): Band {
  return {
    mean: p.mean,
    p10: p.quantiles.map((q) => q[0]!),
    p50: p.quantiles.map((q) => q[1]!),
    p90: p.quantiles.map((q) => q[2]!),
  };
}

async function globalBands(
  model: TrainedGlobalModel | undefined,
  base: Omit<Parameters<typeof predictGlobal>[1], 'contexts' | 'origins'>,
  contexts: SeriesContext[],
  origins: (number | undefined)[],
): Promise<(Band | undefined)[]> {
  const picked = contexts.flatMap((c, i) => (origins[i] === undefined ? [] : [{ c, i }]));
  const out: (Band | undefined)[] = contexts.map(() => undefined);
  if (!model || picked.length === 0) return out;
  const preds = await predictGlobal(model, {
    ...base,
    contexts: picked.map((p) => p.c),
    origins: picked.map((p) => origins[p.i]!),
  });
  picked.forEach((p, k) => {
    out[p.i] = toBand(preds[k]!);
  });
  return out;
}

function toDays(dates: string[], band: Band): ForecastDay[] {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return dates.map((date, h) => ({
    date,
    mean: r(band.mean[h]!),
    p10: r(Math.min(band.p10[h]!, band.p50[h]!)),
    p50: r(band.p50[h]!),
    p90: r(Math.max(band.p90[h]!, band.p50[h]!)),
  }));
}

/** Units x price over the last 28 days (price 1 where unknown): the weight of a series in model choice. */
function recentRevenue(ctx: SeriesContext): number {
  const { units, price } = ctx.frame;
  let total = 0;
  for (let i = Math.max(0, units.length - 28); i < units.length; i++) {
    const u = units[i]!;
    const p = price[i]!;
    if (!Number.isNaN(u)) total += u * (Number.isFinite(p) ? p : 1);
  }
  return total;
}

function confidenceOf(historyDays: number, rmsse: number | undefined): Confidence {
  if (historyDays < 28) return 'low';
  if (historyDays >= 112 && rmsse !== undefined && rmsse <= 1) return 'high';
  return rmsse === undefined || rmsse <= 1.3 ? 'medium' : 'low';
}

export async function forecastSeries(
  input: ForecastOptions,
  deps: ForecastDeps = {},
): Promise<ForecastResult[]> {
  const horizon = input.horizon;
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 366)
    throw new Error('horizon must be 1..366 days');
  if (input.series.length === 0) return [];
  let lastDay = Number.NEGATIVE_INFINITY;
  for (const s of input.series) for (const p of s.points) lastDay = Math.max(lastDay, dayNumber(p.date));
  const startDay = input.startDate ? dayNumber(input.startDate) : lastDay + 1;
  if (!Number.isFinite(startDay)) throw new Error('no sales points and no startDate');
  const firstDate = dateOfDay(startDay);
  const leadDays = input.leadDays ?? 7;
  const seed = input.seed ?? 7;
  const contexts = input.series.map((s) => seriesContext(buildFrame(s, startDay - 1)));
  const minDay = Math.min(...contexts.map((c) => c.frame.startDay));
  const table = buildEventTable({
    events: input.events,
    fromDay: minDay,
    toDay: startDay + horizon,
    leadDays,
    historyToDay: startDay - 1,
  });
  const layout = featureLayout(
    input.series.map((s) => s.category ?? ''),
    table,
  );
  const btH = Math.min(horizon, 28);
  const windows = input.backtestWindows ?? 2;
  const trainer = deps.globalModel;
  const train = (cutoffFromEnd: number, h: number) =>
    trainer
      ? trainGlobal(trainer, {
          layout,
          contexts,
          cutoffFromEnd,
          horizon: h,
          maxRows: input.globalMaxRows ?? 60_000,
          seed,
          epochs: input.globalEpochs ?? 8,
          weighting: input.globalWeighting ?? 'revenue',
          members: input.globalMembers ?? 1,
          ...(deps.pause ? { pause: deps.pause } : {}),
        })
      : Promise.resolve(undefined);

  // Backtest windows, oldest first; a series joins a window only with four weeks of history before it.
  const btWindows: BacktestWindow[][] = contexts.map(() => []);
  const pace = pacer(deps.pause);
  let backtestModel: TrainedGlobalModel | undefined;
  if (windows > 0) {
    backtestModel = await train(windows * btH, Math.max(btH, horizon));
    const model = backtestModel;
    for (let w = windows; w >= 1; w--) {
      const origins = contexts.map((c) => {
        const o = c.frame.units.length - w * btH;
        return o >= 28 ? o : undefined;
      });
      const globals = await globalBands(model, { layout, horizon: btH }, contexts, origins);
      for (const [i, ctx] of contexts.entries()) {
        await pace(i);
        const origin = origins[i];
        if (origin === undefined) continue;
        const bands = runBaseModels(ctx.filled.subarray(0, origin), btH, deps.peer);
        const g = globals[i];
        if (g) bands.set('global', g);
        btWindows[i]!.push({
          origin: dateOfDay(ctx.frame.startDay + origin),
          actual: Array.from(ctx.frame.units.subarray(origin, origin + btH)),
          history: ctx.filled.subarray(0, origin),
          bands: withBlends(bands),
        });
      }
    }
  }
  const tails = calibrateTails(btWindows);

  // Retraining on the latest weeks costs a second fit and changed little on M5; it stays an option.
  const finalModel = input.retrainForFinal || windows === 0 ? await train(0, horizon) : backtestModel;
  if (finalModel !== backtestModel) backtestModel?.dispose();
  const ends = contexts.map((c) => c.frame.units.length);
  const finals = await globalBands(finalModel, { layout, horizon }, contexts, ends);
  const finalsNoEvents = await globalBands(
    finalModel,
    { layout, horizon, withoutEvents: true },
    contexts,
    ends,
  );
  finalModel?.dispose();

  const preferred =
    input.preferredModel ??
    (trainer
      ? bestOverall(btWindows, contexts.map(recentRevenue), 'global+weekday_ma', 0.05)
      : bestOverall(btWindows, contexts.map(recentRevenue), 'moving_average'));
  const dates = horizonDates(firstDate, horizon);
  const resultFor = (ctx: SeriesContext, i: number): ForecastResult => {
    const bands: ModelBands = runBaseModels(ctx.filled, horizon, deps.peer);
    const g = finals[i];
    if (g) bands.set('global', g);
    const all = withBlends(bands);
    const figures = backtestFigures(btWindows[i]!);
    const choice = all.has(preferred)
      ? chooseModel(figures, preferred, input.selectionMargin ?? 0.2)
      : 'moving_average';
    const band = countBand(all.get(choice)!.mean, ctx.filled, tails.get(choice));
    const globalWeight = blendShares(choice).get('global') ?? 0;
    const noEvents = finalsNoEvents[i];
    const meanWithoutEvents =
      g && noEvents && globalWeight > 0
        ? band.mean.map((m, h) => m - globalWeight * (g.mean[h]! - noEvents.mean[h]!))
        : undefined;
    const units = ctx.frame.units;
    let historyDays = 0;
    for (let k = 0; k < units.length; k++) if (!Number.isNaN(units[k]!)) historyDays++;
    const chosenScore = figures.scores.find((s) => s.model === choice)?.rmsse;
    const result: ForecastResult = {
      seriesId: ctx.frame.id,
      model: choice,
      days: toDays(dates, band),
      backtest: figures,
      explanation: explainForecast({
        units,
        startDay: ctx.frame.startDay,
        firstForecastDate: firstDate,
        mean: band.mean,
        meanWithoutEvents,
        events: input.events.filter((e) => table.vocabulary.includes(e.event)),
        leadDays,
        model: choice,
      }),
      confidence: confidenceOf(historyDays, Number.isFinite(chosenScore) ? chosenScore : undefined),
      historyDays,
    };
    if (input.includeModelForecasts) {
      result.modelForecasts = [...all].map(([model, b]) => ({
        model,
        days: toDays(dates, countBand(b.mean, ctx.filled, tails.get(model))),
      }));
    }
    return result;
  };
  const results: ForecastResult[] = [];
  for (const [i, ctx] of contexts.entries()) {
    await pace(i);
    results.push(resultFor(ctx, i));
  }
  return results;
}
