import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../src/core/parse.js';
import { CORPUS_NOW, compare, loadCorpus, REGISTERS } from './corpus.js';

// The labelled corpus is the parser's contract with real shopkeepers: at least 97% of messages must be
// fully right (intent, language, every item's product, quantity, unit and price, and the other fields).

const corpus = loadCorpus();

function rate(right: number, total: number): string {
  return `${((100 * right) / total).toFixed(1)}% (${right}/${total})`;
}

describe('labelled corpus', () => {
  it('has 300+ messages, a third in each register', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    for (const register of REGISTERS) {
      const share = corpus.filter((m) => m.register === register).length / corpus.length;
      expect(share).toBeGreaterThan(0.3);
    }
  });

  it('parses at least 97% of messages fully right, reported per intent and per script', () => {
    const byIntent = new Map<string, { right: number; total: number }>();
    const byRegister = new Map<string, { right: number; total: number }>();
    const failures: string[] = [];
    let right = 0;
    for (const label of corpus) {
      const problems = compare(label, parseMessage(label.text, { now: CORPUS_NOW }));
      const ok = problems.length === 0;
      if (ok) right++;
      else failures.push(`[${label.register}] ${JSON.stringify(label.text)}: ${problems.join('; ')}`);
      for (const [map, key] of [
        [byIntent, label.intent],
        [byRegister, label.register],
      ] as const) {
        const entry = map.get(key) ?? { right: 0, total: 0 };
        entry.total++;
        if (ok) entry.right++;
        map.set(key, entry);
      }
    }
    const lines = [`fully right: ${rate(right, corpus.length)}`, 'per script:'];
    for (const [key, { right: r, total }] of byRegister) lines.push(`  ${key.padEnd(14)} ${rate(r, total)}`);
    lines.push('per intent:');
    for (const [key, { right: r, total }] of [...byIntent].sort())
      lines.push(`  ${key.padEnd(14)} ${rate(r, total)}`);
    if (failures.length > 0) lines.push('wrong:', ...failures.map((f) => `  ${f}`));
    console.log(lines.join('\n'));
    expect(right / corpus.length).toBeGreaterThanOrEqual(0.97);
  });
});
