import type { Unit } from '../catalog/types.js';

export type Intent =
  | 'log_sale'
  | 'log_purchase'
  | 'set_stock'
  | 'set_price'
  | 'ask_forecast'
  | 'ask_price'
  | 'ask_report'
  | 'ask_stock'
  | 'undo'
  | 'help'
  | 'greeting'
  | 'alerts_off'
  | 'alerts_on'
  | 'set_language'
  | 'add_staff'
  | 'remove_staff'
  | 'send_order'
  | 'set_supplier'
  | 'add_product'
  | 'add_alias'
  | 'choose'
  | 'unknown';

/** en = English, hi = Devanagari Hindi, hi-Latn = Hinglish (Hindi typed in Latin letters). */
export type Lang = 'en' | 'hi' | 'hi-Latn';

export type Period = 'today' | 'yesterday' | 'week' | 'month';

export interface ParsedItem {
  /** Catalog id, or null when the words did not match a product confidently. */
  product: string | null;
  /** The word(s) the shopkeeper used for the product. */
  text: string;
  /** Likely products when product is null, best first. */
  candidates?: string[];
  quantity?: number;
  unit?: Unit;
  /** Price of one unit, in rupees. */
  unitPrice?: number;
  /** Total for the line, in rupees. */
  amount?: number;
  /**
   * log_purchase: YYYY-MM-DD this item expires, set only when an expiry date was written next to some of
   * the message's items and not others (otherwise the message's `expiry` is every item's).
   */
  expiry?: string;
}

export interface ParsedMessage {
  intent: Intent;
  lang: Lang;
  items?: ParsedItem[];
  product?: string;
  festival?: string;
  days?: number;
  period?: Period;
  /** Shop-local YYYY-MM-DD of the day the message is about (always set; today when none named). */
  date?: string;
  /** Words that were neither understood nor matched to a product. */
  unknownWords?: string[];
  /** set_price: which price the number is. */
  field?: 'price' | 'cost' | 'mrp';
  /** set_price: the new price in rupees. */
  price?: number;
  /**
   * unknown: rupees of a day's takings or a bill typed without items ("aaj ka sale 5600" = 5600,
   * "28+15+60" = 103). Not logged (the ledger needs items); the reply can explain that.
   */
  total?: number;
  /** set_stock: the stock level said. */
  quantity?: number;
  unit?: Unit;
  /** set_language */
  language?: Lang;
  /** add_staff / remove_staff / set_supplier: E.164. */
  phone?: string;
  /** set_supplier for a whole category. */
  category?: string;
  /** add_product: the product's name as typed; add_alias: the new word. */
  name?: string;
  alias?: string;
  /** choose: the option number picked. */
  choice?: number;
  /** log_purchase: YYYY-MM-DD the goods that came in expire ("expiry 28 tarikh"). */
  expiry?: string;
}
