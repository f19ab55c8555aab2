import type { Queryable } from '../../adapters/postgres/pool.js';
import { createDashboardQueries } from '../../adapters/postgres/repositories/dashboard-queries.js';
import { createReportsRepository } from '../../adapters/postgres/repositories/reports.js';
import { addDays, eachDay } from '../../core/inventory/local-date.js';
import { reportWindow } from '../../core/reports/report-period.js';
import { buildSalesReport } from '../../core/reports/sales-report.js';
import type { Viewer } from './sessions.js';

// The overview page: today, this week and this month against the same stretch of the period before
// (the reports core decides the windows and the sums), and a daily trend of the last eight weeks.

export const OVERVIEW_PERIODS = ['today', 'week', 'month'] as const;
export type OverviewPeriod = (typeof OVERVIEW_PERIODS)[number];
export const TREND_DAYS = 56;

export interface PeriodFigures {
  period: OverviewPeriod;
  from: string;
  to: string;
  revenuePaise: number;
  previousRevenuePaise: number;
  /** Whole percent; absent when the previous period sold nothing. */
  changePercent?: number;
  units: number;
  /** Owners only; absent for staff and when no sale had a known cost. */
  profitPaise?: number;
  profitComplete?: boolean;
}

export interface TrendDay {
  date: string;
  revenuePaise: number;
  /** Owners only. */
  profitPaise?: number;
}

export interface OverviewData {
  today: string;
  periods: PeriodFigures[];
  trend: TrendDay[];
}

export async function overviewData(db: Queryable, viewer: Viewer): Promise<OverviewData> {
  const reports = createReportsRepository(db);
  const periods = await Promise.all(
    OVERVIEW_PERIODS.map(async (period): Promise<PeriodFigures> => {
      const window = reportWindow(period, viewer.today);
      const report = buildSalesReport(
        window,
        await reports.totals(viewer.shopId, window.current, window.previous),
      );
      const figures: PeriodFigures = {
        period,
        from: window.current.from,
        to: window.current.to,
        revenuePaise: report.revenuePaise,
        previousRevenuePaise: report.previousRevenuePaise,
        units: report.units,
      };
      if (report.changePercent !== undefined) figures.changePercent = report.changePercent;
      if (viewer.seesProfit && report.profit) {
        figures.profitPaise = report.profit.paise;
        figures.profitComplete = report.profit.complete;
      }
      return figures;
    }),
  );
  const from = addDays(viewer.today, 1 - TREND_DAYS);
  const rows = await createDashboardQueries(db).dailyTotals(viewer.shopId, from, viewer.today);
  const byDate = new Map(rows.map((row) => [row.date, row]));
  const trend = eachDay(from, viewer.today).map((date): TrendDay => {
    const row = byDate.get(date);
    const day: TrendDay = { date, revenuePaise: row?.revenuePaise ?? 0 };
    if (viewer.seesProfit) day.profitPaise = row?.costedProfitPaise ?? 0;
    return day;
  });
  return { today: viewer.today, periods, trend };
}
