import type { Translator } from '../adapters/i18n/translator.js';
import { createConversationEngine } from './conversation/engine.js';
import type { ConversationResponder } from './ports.js';

export interface ResponderDeps {
  translator: Translator;
}

/** The conversation engine the inbound job runs. */
export function createResponder(deps: ResponderDeps): ConversationResponder {
  return createConversationEngine(deps);
}
