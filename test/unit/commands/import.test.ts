import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SALES_CSV_CHARS } from '../../../src/app/sales-import/import-sales.js';
import { register } from '../../../src/commands/import.js';
import { readSalesFile } from '../../../src/commands/read-sales-file.js';

// `billmitra import` refuses a file past the size one import takes, before it is read into memory when
// its byte size already says so, with a message that tells the operator what to do.

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bm-import-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text, 'utf8');
  return path;
}

describe('readSalesFile', () => {
  it('takes a file of exactly the cap and refuses one character more', async () => {
    const header = 'date,product,quantity\n';
    const atCap = await fileWith('at-cap.csv', header.padEnd(40, 'x'));
    expect(await readSalesFile(atCap, 40)).toHaveLength(40);
    const over = await fileWith('over.csv', header.padEnd(41, 'x'));
    await expect(readSalesFile(over, 40)).rejects.toThrow(
      /over\.csv is 41 characters, more than one import takes \(40 characters\)\. Split it/,
    );
  });

  it('counts characters, not bytes, for Hindi names, and refuses by size alone past 3 bytes a character', async () => {
    const hindi = await fileWith('hindi.csv', 'मैगी'.repeat(10));
    expect(Buffer.byteLength('मैगी'.repeat(10))).toBe(120);
    expect(await readSalesFile(hindi, 40)).toHaveLength(40);
    const bulky = await fileWith('bulky.csv', 'x'.repeat(121));
    await expect(readSalesFile(bulky, 40)).rejects.toThrow(/bulky\.csv is 121 bytes, more than one import/);
  });

  it('says which file it cannot read', async () => {
    await expect(readSalesFile(join(dir, 'missing.csv'))).rejects.toThrow(
      /cannot read .*missing\.csv \(ENOENT\)/,
    );
  });
});

describe('billmitra import', () => {
  it('refuses a file over the dashboard cap before opening any database', async () => {
    const big = await fileWith('big.csv', 'date,product,quantity\n'.padEnd(MAX_SALES_CSV_CHARS + 1, '9'));
    const program = new Command('billmitra').exitOverride();
    register(program);
    await expect(program.parseAsync(['import', big, '--shop-id', '1'], { from: 'user' })).rejects.toThrow(
      'big.csv is 2,00,00,001 characters, more than one import takes (2,00,00,000 characters). ' +
        'Split it into smaller files, each starting with the header line, and import them one after another',
    );
  });
});
