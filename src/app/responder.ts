import type { Translator } from '../adapters/i18n/translator.js';
import { createBasicResponder } from './basic-responder.js';
import type { ConversationResponder } from './ports.js';

export interface ResponderDeps {
  translator: Translator;
}

/** The conversation engine the inbound job runs. */
export function createResponder(deps: ResponderDeps): ConversationResponder {
  return createBasicResponder(deps);
}
