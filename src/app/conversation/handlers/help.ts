import { formatRupees, rupeesToPaise } from '../../../core/money.js';
import type { IntentHandler } from '../types.js';

// Help lists what the bot does with examples; owners also see the owner-only commands.

export const help: IntentHandler = async (ctx) => ({
  replies: [{ key: ctx.member.role === 'owner' ? 'conversation:help.owner' : 'conversation:help.staff' }],
});

export const greeting: IntentHandler = async (ctx) => ({
  replies: [{ key: 'conversation:greeting', params: { shop: ctx.shop.name } }],
});

/**
 * Anything not understood: a short nudge with one example, in the sender's language. A day's takings or
 * a bill without items ("aaj ka sale 5600", "28+15+60") is explained: the ledger needs items for stock
 * and profit, so the total alone is not logged.
 */
export const notUnderstood: IntentHandler = async (ctx) => {
  const total = ctx.parsed.total;
  if (total !== undefined && total > 0)
    return {
      replies: [
        { key: 'conversation:takings_without_items', params: { total: formatRupees(rupeesToPaise(total)) } },
      ],
    };
  return { replies: [{ key: 'conversation:not_understood' }] };
};
