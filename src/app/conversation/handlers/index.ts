import type { Intent } from '../../../core/parse.js';
import type { ConversationContext, HandlerResult, IntentHandler } from '../types.js';
import { greeting, help, notUnderstood } from './help.js';

// Intent -> handler. Every handler has the one shape in ../types.ts:
//   (ctx: ConversationContext) => Promise<HandlerResult>
// To add a feature, write handlers/<feature>.ts exporting an IntentHandler and add ONE line below.
// An intent with no handler gets the help reply, so an unfinished feature never answers wrongly.

export const HANDLERS: Partial<Record<Intent, IntentHandler>> = {
  help,
  greeting,
  unknown: notUnderstood,
};

export async function dispatch(ctx: ConversationContext): Promise<HandlerResult> {
  const handler = HANDLERS[ctx.parsed.intent];
  return handler ? handler(ctx) : help(ctx);
}
