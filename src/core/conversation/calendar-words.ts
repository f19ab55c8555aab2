import type { Lang } from '../parse/types.js';
import { type ReplyText, reply } from './reply.js';

// Which day an entry went to, said the way a shopkeeper says it: "Aaj", "Kal (23 Nov)", "21 Nov".

const MONTHS: Record<Lang, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  'hi-Latn': ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'],
  hi: ['जन', 'फ़र', 'मार्च', 'अप्रैल', 'मई', 'जून', 'जुलाई', 'अग', 'सित', 'अक्टू', 'नव', 'दिस'],
};

/** '2026-11-23' -> '23 Nov' (or '23 नव'). */
export function shortDate(date: string, lang: Lang): string {
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[lang][month - 1] ?? ''}`.trim();
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dayWords(date: string, today: string, lang: Lang): ReplyText {
  const back = daysBetween(date, today);
  if (back === 0) return reply('ledger:day.today');
  const params = { date: shortDate(date, lang) };
  if (back === 1) return reply('ledger:day.yesterday', params);
  return reply('ledger:day.date', params);
}
