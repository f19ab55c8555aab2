import { createShopsRepository } from '../../../adapters/postgres/repositories/shops.js';
import type { IntentHandler } from '../types.js';

// Shop settings said in chat: alerts on/off and the language replies use from now on.

export const alertsOn: IntentHandler = async (ctx) => {
  await createShopsRepository(ctx.db).setAlerts(ctx.shop.id, true);
  return { replies: [{ key: 'conversation:alerts.on' }] };
};

export const alertsOff: IntentHandler = async (ctx) => {
  await createShopsRepository(ctx.db).setAlerts(ctx.shop.id, false);
  return { replies: [{ key: 'conversation:alerts.off' }] };
};

export const setLanguage: IntentHandler = async (ctx) => {
  const language = ctx.parsed.language;
  if (!language) return { replies: [{ key: 'conversation:language.how_to' }] };
  await createShopsRepository(ctx.db).setLanguage(ctx.shop.id, language);
  // Confirmed in the new language: the first reply the shopkeeper reads in it.
  return { replies: [{ key: 'conversation:language.set' }], lang: language };
};
