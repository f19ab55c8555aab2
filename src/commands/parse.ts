import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { type ParsedItem, type ParsedMessage, parseMessage } from '../core/parse.js';

// `billmitra parse`: JSON lines in, one JSON object per line out, in order. The output follows the
// contract in design/ARCHITECTURE.md; a line that is not valid input still gets an answer (intent
// "unknown"), so line n of the output always belongs to line n of the input.

const HELP = `
Reads JSON lines on stdin: {"text": "...", "now"?: "ISO-8601 with offset"}
Writes one JSON object per input line, same order:
  {intent, lang, items?, product?, festival?, days?, period?, date?}
  intent   log_sale | log_purchase | set_stock | set_price | ask_forecast | ask_price | ask_report |
           undo | help | greeting | alerts_off | alerts_on | unknown (plus ask_stock, set_language,
           add_staff, remove_staff, send_order, set_supplier, add_product, add_alias, choose)
  lang     en | hi (Devanagari) | hi-Latn (Hinglish)
  items[]  {product (catalog id or null), quantity?, unit?, unitPrice?, amount?}; money in rupees
  date     YYYY-MM-DD, only when the message names a day other than today
  date     also from numbers: "12/11 ko" (day/month), "23 tarikh ko", "on 5th"
The extra intents add their own fields: phone, language, choice, name, alias, price, field, quantity, unit.
An unknown message that is only takings (rupees) without items, "aaj ka sale 5600" or "28+15+60",
carries total (5600, 103): it is not logged, since the ledger needs items.
A line that is not JSON, or has no "text", gives {"intent":"unknown","lang":"en"}.

Example:
  echo '{"text":"aaj 18 maggi, 2 kilo cheeni","now":"2026-11-24T10:00:00+05:30"}' | billmitra parse`;

/** Contract fields only; extra intents keep their own fields (phone, language, choice...). */
export function toContractOutput(parsed: ParsedMessage, today: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { intent: parsed.intent, lang: parsed.lang };
  if (parsed.items) out.items = parsed.items.map(contractItem);
  for (const key of ['product', 'festival', 'days', 'period'] as const) {
    if (parsed[key] !== undefined) out[key] = parsed[key];
  }
  if (parsed.date !== undefined && parsed.date !== today) out.date = parsed.date;
  for (const key of [
    'field',
    'price',
    'quantity',
    'unit',
    'language',
    'phone',
    'category',
    'name',
    'alias',
    'choice',
    'total',
  ] as const) {
    if (parsed[key] !== undefined) out[key] = parsed[key];
  }
  return out;
}

function contractItem(item: ParsedItem): Record<string, unknown> {
  const out: Record<string, unknown> = { product: item.product };
  if (item.quantity !== undefined) out.quantity = item.quantity;
  if (item.unit !== undefined) out.unit = item.unit;
  if (item.unitPrice !== undefined) out.unitPrice = item.unitPrice;
  if (item.amount !== undefined) out.amount = item.amount;
  return out;
}

export function parseLine(
  line: string,
  options: { clock: () => Date; timeZone: string },
): Record<string, unknown> {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    return { intent: 'unknown', lang: 'en' };
  }
  if (typeof input !== 'object' || input === null || typeof (input as { text?: unknown }).text !== 'string') {
    return { intent: 'unknown', lang: 'en' };
  }
  const { text, now: nowText } = input as { text: string; now?: unknown };
  const now = typeof nowText === 'string' ? new Date(nowText) : options.clock();
  if (Number.isNaN(now.getTime())) return { intent: 'unknown', lang: 'en' };
  const today = parseMessage('', { now, timeZone: options.timeZone }).date;
  return toContractOutput(parseMessage(text, { now, timeZone: options.timeZone }), today);
}

export function register(program: Command): void {
  program
    .command('parse')
    .description('Parse shopkeeper messages: JSON lines {"text","now"?} on stdin -> one JSON intent per line')
    .option('--tz <zone>', 'shop time zone for aaj/kal', 'Asia/Kolkata')
    .addHelpText('after', HELP)
    .action(async (opts: { tz: string }) => {
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      const out: string[] = [];
      const flush = (): void => {
        if (out.length > 0) process.stdout.write(`${out.join('\n')}\n`);
        out.length = 0;
      };
      for await (const line of lines) {
        out.push(JSON.stringify(parseLine(line, { clock: () => new Date(), timeZone: opts.tz })));
        if (out.length >= 256) flush();
      }
      flush();
    });
}
