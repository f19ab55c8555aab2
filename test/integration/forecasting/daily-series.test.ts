import { describe, expect, it } from 'vitest';
import { buildDailySeries, toSeriesInput } from '../../../src/app/forecasting/daily-series.js';

// How the features job reads a ledger: zero-filled days, stock-outs only where the journal knows the shelf
// was empty, and prices carried as rupees.

const product = { id: 7, category: 'snacks', pricePaise: 2000, stock: 5 };

describe('daily series from the ledger', () => {
  it('zero-fills days without sales and marks a zero day as a stock-out only when the shelf was empty', () => {
    const [series] = buildDailySeries({
      products: [product],
      sales: [
        { productId: 7, date: '2026-03-01', units: 4, pricePaise: 1500 },
        { productId: 7, date: '2026-03-02', units: 6, pricePaise: 1500 },
        { productId: 7, date: '2026-03-06', units: 2, pricePaise: 1800 },
      ],
      // Counted 10 on the 1st, sold out on the 2nd, restocked (+7) on the evening of the 4th.
      stock: [
        { productId: 7, date: '2026-03-01', delta: 10 - 4 },
        { productId: 7, date: '2026-03-02', delta: -6 },
        { productId: 7, date: '2026-03-04', delta: 7 },
        { productId: 7, date: '2026-03-06', delta: -2 },
      ],
      lastDay: '2026-03-07',
    });
    expect(series?.units).toEqual([4, 6, 0, 0, 0, 2, 0]);
    // The 3rd and 4th opened with an empty shelf; the 5th and 7th had stock and sold none (real zeros).
    expect(series?.stockOuts).toEqual([2, 3]);
    expect(series?.prices).toEqual([15, 15, null, null, null, 18, 20]);
    const points = toSeriesInput(series!).points;
    expect(points[2]).toEqual({ date: '2026-03-03', units: 0, inStock: false });
    expect(points[4]).toEqual({ date: '2026-03-05', units: 0 });
  });

  it('marks nothing before the stock journal starts, and skips products that never sold', () => {
    const series = buildDailySeries({
      products: [product, { ...product, id: 8 }],
      sales: [{ productId: 7, date: '2026-03-01', units: 1, pricePaise: 2000 }],
      stock: [],
      lastDay: '2026-03-04',
    });
    expect(series).toHaveLength(1);
    expect(series[0]?.stockOuts).toEqual([]);
  });
});
