import type { IntentHandler } from '../types.js';

// Help lists what the bot does with examples; owners also see the owner-only commands.

export const help: IntentHandler = async (ctx) => ({
  replies: [{ key: ctx.member.role === 'owner' ? 'conversation:help.owner' : 'conversation:help.staff' }],
});

export const greeting: IntentHandler = async (ctx) => ({
  replies: [{ key: 'conversation:greeting', params: { shop: ctx.shop.name } }],
});

/** Anything not understood: a short nudge with one example, in the sender's language. */
export const notUnderstood: IntentHandler = async () => ({
  replies: [{ key: 'conversation:not_understood' }],
});
