import { seesProfit } from '../../../core/conversation/access.js';
import { answerPriceQuestion } from '../../advice/price-answer.js';
import type { IntentHandler } from '../types.js';

// ask_price: "Maggi ka rate kya rakhun?", "मैगी का भाव क्या रखूं", "what price for maggi?".

export const askPrice: IntentHandler = async (ctx) => {
  // The answer shows cost and profit, which staff do not see.
  if (!seesProfit(ctx.member.role)) return { replies: [{ key: 'conversation:owner_only' }] };
  const answer = await answerPriceQuestion(ctx.db, {
    shop: ctx.shop,
    today: ctx.today,
    lang: ctx.lang,
    ...(ctx.parsed.product ? { catalogId: ctx.parsed.product } : {}),
  });
  return { replies: [answer] };
};
