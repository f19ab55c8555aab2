import type { Unit } from '../catalog/types.js';

// A question the bot asked and is waiting on. It is stored per chat (conversation_state) so the answer
// may arrive after a restart or on another worker.

/** One line of a sale or purchase; productId is the shop's catalog id once known. */
export interface PendingLine {
  productId: string | null;
  text: string;
  candidates: string[];
  quantity?: number;
  unit?: Unit;
  unitPrice?: number;
  amount?: number;
  /** A purchase line's expiry date (YYYY-MM-DD), kept here so it survives a "which product?" question. */
  expiry?: string;
}

/** A sale or purchase waiting for its unknown product(s) to be named. */
export interface PickProductQuestion {
  kind: 'pick_product';
  intent: 'log_sale' | 'log_purchase';
  date: string;
  lines: PendingLine[];
  /** The options offered for the first unresolved line, in the order shown (1-based in chat). */
  options: Array<{ productId: string } | { newProduct: string }>;
}

/** A new product the shopkeeper chose to add, waiting for its selling price. */
export interface NewProductPriceQuestion {
  kind: 'new_product_price';
  name: string;
  /** The entry to finish once the product exists, when the product came up in a sale or purchase. */
  resume?: Omit<PickProductQuestion, 'kind' | 'options'>;
}

export type OnboardingStep = 'name' | 'language' | 'state';

export interface OnboardingState {
  kind: 'onboarding';
  step: OnboardingStep;
  name?: string;
  /** The language picked at the language step. */
  language?: 'en' | 'hi' | 'hi-Latn';
  /** The register of the first message: a shop name like "Sharma Kirana" says nothing about it. */
  written?: 'en' | 'hi' | 'hi-Latn';
}

export type PendingQuestion = PickProductQuestion | NewProductPriceQuestion;
export type ChatState = PendingQuestion | OnboardingState;
