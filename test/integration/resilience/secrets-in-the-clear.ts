// What must never appear in logs, metrics or Redis: phone numbers (any spelling), message and reply text,
// and configured secrets. Shared by the log-hygiene test's three sources.

// Not inside a lowercase hex token: BullMQ's random ids (e.g. '1796522148515:b9345999112a') hold ten-digit
// runs by chance, which failed the test now and then; '%2B91…' (URL-encoded '+') is still caught.
const PHONE_LIKE = /(?<![\d.a-f])(?:\+?91)?[6-9]\d{9}(?![\da-f])/g;

export interface Leak {
  kind: 'phone' | 'text' | 'secret';
  value: string;
  context: string;
}

export interface Sensitive {
  phones: string[];
  texts: string[];
  secrets: string[];
}

export function findLeaks(haystack: string, sensitive: Sensitive): Leak[] {
  const leaks: Leak[] = [];
  const around = (index: number) => haystack.slice(Math.max(0, index - 80), index + 80);
  for (const phone of sensitive.phones) {
    const national = phone.replace(/\D/g, '').slice(-10);
    const at = haystack.indexOf(national);
    if (at >= 0) leaks.push({ kind: 'phone', value: phone, context: around(at) });
  }
  for (const match of haystack.matchAll(PHONE_LIKE)) {
    leaks.push({ kind: 'phone', value: match[0], context: around(match.index ?? 0) });
  }
  for (const text of sensitive.texts) {
    const probe = text.trim().split('\n')[0]?.slice(0, 24) ?? '';
    if (probe.length < 6) continue;
    const at = haystack.indexOf(probe);
    if (at >= 0) leaks.push({ kind: 'text', value: probe, context: around(at) });
  }
  for (const secret of sensitive.secrets) {
    const at = haystack.indexOf(secret);
    if (at >= 0)
      leaks.push({
        kind: 'secret',
        value: secret.slice(0, 4),
        context: around(at).replace(secret, '<secret>'),
      });
  }
  return leaks;
}
