import { parseMessage } from '../../../src/core/parse.js';
import { createMessagePicker } from './message-mix.js';
import { median } from './report.js';

/** Time of the pure parser on the bench's message mix, with the default catalog's matcher, in-process. */
export function createDefaultMatcherTiming(messages: number) {
  const pick = createMessagePicker(99);
  const now = new Date();
  for (let i = 0; i < 200; i++) parseMessage(pick().text, { now });
  const times: number[] = [];
  for (let i = 0; i < messages; i++) {
    const text = pick().text;
    const started = performance.now();
    parseMessage(text, { now });
    times.push((performance.now() - started) * 1000);
  }
  times.sort((a, b) => a - b);
  return { messages, medianUs: median(times), p99Us: times[Math.floor(times.length * 0.99)] ?? Number.NaN };
}
