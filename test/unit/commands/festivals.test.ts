import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '../../../src/commands/festivals.js';

async function run(args: string[]): Promise<string> {
  const program = new Command('billmitra').exitOverride();
  register(program);
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  await program.parseAsync(['festivals', ...args], { from: 'user' });
  return chunks.join('');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('billmitra festivals', () => {
  it('prints the contract JSON array [{id, name, date}]', async () => {
    const list = JSON.parse(await run(['--from', '2026', '--to', '2026', '--state', 'KL'])) as unknown[];
    expect(list).toContainEqual({ id: 'onam', name: 'Onam', date: '2026-08-26' });
    expect(list).toContainEqual({ id: 'diwali', name: 'Diwali', date: '2026-11-08' });
    for (const item of list) expect(Object.keys(item as object)).toEqual(['id', 'name', 'date']);
  });

  it('fails clearly on bad arguments', async () => {
    await expect(run(['--from', '20x6', '--to', '2026'])).rejects.toThrow(/four-digit year/);
    await expect(run(['--from', '2027', '--to', '2026'])).rejects.toThrow(/after/);
    await expect(run(['--from', '2026', '--to', '2026', '--state', 'QQ'])).rejects.toThrow(/--state/);
  });
});
