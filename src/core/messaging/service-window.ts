// WhatsApp's customer-service window: free-form messages may go to a user only within 24 hours of the
// user's last message; outside it, only approved templates. Template parameters may not contain line
// breaks, tabs or more than four spaces in a row, and have a length limit.

export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
const MAX_PARAMETER_LENGTH = 1_000;

export interface TemplateChoice {
  name: string;
  language: string;
  parameters: string[];
}

export function insideServiceWindow(lastInboundAgeMs: number | null, windowMs = SERVICE_WINDOW_MS): boolean {
  return lastInboundAgeMs !== null && lastInboundAgeMs < windowMs;
}

/** Turns a free-text reply into one template body parameter WhatsApp accepts. */
export function templateParameter(body: string): string {
  const flat = body
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join(' | ')
    .replace(/\t/g, ' ')
    .replace(/ {4,}/g, '   ');
  return flat.length > MAX_PARAMETER_LENGTH ? `${flat.slice(0, MAX_PARAMETER_LENGTH - 1)}…` : flat;
}

/** Devanagari text goes with the Hindi translation of the template, anything else with the default one. */
export function templateLanguageFor(body: string, defaultLanguage: string): string {
  return /[\u0900-\u097F]/u.test(body) ? 'hi' : defaultLanguage;
}
