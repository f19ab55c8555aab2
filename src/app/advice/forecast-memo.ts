import { addDays } from '../../core/inventory/local-date.js';
import type { ForecastProvider, ForecastRequest, ProductForecast } from './forecast-provider.js';

// One alerts run asks for forecasts several times (low stock, each festival list, the same products each
// time); computing them on the spot costs a few hundred milliseconds, so a run forecasts each product once,
// over a horizon long enough for all of its questions, and answers the rest from that.

const MIN_HORIZON_DAYS = 21;

export function memoizedForecasts(inner: ForecastProvider): ForecastProvider {
  const cache = new Map<string, ProductForecast & { end: string }>();
  const key = (r: ForecastRequest, id: number) => `${r.shopId}|${r.today}|${id}`;
  return {
    async forecast(request) {
      const missing = request.products.filter(
        (p) => (cache.get(key(request, p.id))?.end ?? '') < request.end,
      );
      if (missing.length > 0) {
        const longer = addDays(request.today, MIN_HORIZON_DAYS);
        const end = [request.end, longer].sort().at(-1) ?? longer;
        const fresh = await inner.forecast({ ...request, end, products: missing });
        for (const [id, forecast] of fresh) cache.set(key(request, id), { ...forecast, end });
      }
      const out = new Map<number, ProductForecast>();
      for (const product of request.products) {
        const cached = cache.get(key(request, product.id));
        if (!cached) continue;
        const { end: _end, ...forecast } = cached;
        out.set(product.id, { ...forecast, days: forecast.days.filter((d) => d.date <= request.end) });
      }
      return out;
    },
  };
}
