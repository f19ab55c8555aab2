import { createForecastProvider } from '../../advice/forecast-provider.js';
import { answerRestockQuestion } from '../../advice/restock-answer.js';
import type { IntentHandler } from '../types.js';

// ask_forecast: "Diwali ke liye kitni Maggi mangaun?", "how much milk next week?", "diwali ka saman".

export const askForecast: IntentHandler = async (ctx) => {
  const answer = await answerRestockQuestion(
    { db: ctx.db, forecasts: createForecastProvider({ db: ctx.db }) },
    {
      shop: ctx.shop,
      today: ctx.today,
      now: ctx.now,
      lang: ctx.lang,
      ...(ctx.parsed.product ? { catalogId: ctx.parsed.product } : {}),
      ...(ctx.parsed.festival ? { festivalId: ctx.parsed.festival } : {}),
      ...(ctx.parsed.days ? { days: ctx.parsed.days } : {}),
    },
  );
  return { replies: [answer] };
};
