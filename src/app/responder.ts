import type { ChartRenderer } from '../adapters/charts/chart-renderer.js';
import type { Translator } from '../adapters/i18n/translator.js';
import { createConversationEngine } from './conversation/engine.js';
import type { ConversationResponder } from './ports.js';

export interface ResponderDeps {
  translator: Translator;
  /** Default: charts are drawn on the calling thread. */
  charts?: ChartRenderer;
}

/** The conversation engine the inbound job runs. */
export function createResponder(deps: ResponderDeps): ConversationResponder {
  return createConversationEngine(deps);
}
