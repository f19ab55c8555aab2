import { describe, expect, it } from 'vitest';
import {
  formatForecastCsv,
  parseEventsCsv,
  parseSalesCsv,
} from '../../../../src/core/forecasting/sales-csv.js';

describe('forecast CSV contract', () => {
  it('groups sales rows by series with optional price and stock columns', () => {
    const series = parseSalesCsv(
      'date,series_id,units,price,in_stock\n2025-01-01,a,3,10,1\n2025-01-02,a,0,,0\n2025-01-01,b,1,,\n',
    );
    expect(series).toEqual([
      {
        id: 'a',
        points: [
          { date: '2025-01-01', units: 3, price: 10 },
          { date: '2025-01-02', units: 0, inStock: false },
        ],
      },
      { id: 'b', points: [{ date: '2025-01-01', units: 1 }] },
    ]);
  });
  it('names the line and column of bad input', () => {
    expect(() => parseSalesCsv('date,series_id\n2025-01-01,a\n')).toThrow(/missing column\(s\) units/);
    expect(() => parseSalesCsv('date,series_id,units\n2025-13-01,a,1\n')).toThrow(
      /line 2: date "2025-13-01"/,
    );
    expect(() => parseSalesCsv('date,series_id,units\n2025-01-01,a,-1\n')).toThrow(/line 2: units "-1"/);
    expect(() => parseSalesCsv('date,series_id,units\n2025-01-01,a,1\n2025-01-01,a,2\n')).toThrow(
      /line 3: second row/,
    );
    expect(() => parseSalesCsv('')).toThrow(/no data rows/);
  });
  it('reads events and writes the forecast columns', () => {
    expect(parseEventsCsv('date,event\n2025-10-20,diwali\n')).toEqual([
      { date: '2025-10-20', event: 'diwali' },
    ]);
    const text = formatForecastCsv([
      { seriesId: 'a', days: [{ date: '2025-01-03', mean: 1.5, p10: 0, p50: 1, p90: 3 }] } as never,
    ]);
    expect(text).toBe('series_id,date,mean,p10,p50,p90\na,2025-01-03,1.5,0,1,3\n');
  });
});
