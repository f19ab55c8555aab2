import { readFile, stat } from 'node:fs/promises';
import { MAX_SALES_CSV_CHARS } from '../app/sales-import/import-sales.js';

// The `import` command's file, read whole (the import checks every row before writing any) but only up
// to the size the dashboard takes too: a file past it is refused before it fills the process's memory.

// A UTF-16 unit is at most 3 bytes of UTF-8, so a file this many bytes long is over the limit unread.
const MAX_BYTES_PER_CHAR = 3;

function tooLarge(file: string, size: string, maxChars: number): Error {
  return new Error(
    `${file} is ${size}, more than one import takes (${maxChars.toLocaleString('en-IN')} characters). ` +
      'Split it into smaller files, each starting with the header line, and import them one after another: ' +
      'rows already imported are skipped.',
  );
}

export async function readSalesFile(file: string, maxChars = MAX_SALES_CSV_CHARS): Promise<string> {
  const cannotRead = (error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${file} (${error.code ?? error.message})`);
  };
  const { size } = await stat(file).catch(cannotRead);
  if (size > maxChars * MAX_BYTES_PER_CHAR)
    throw tooLarge(file, `${size.toLocaleString('en-IN')} bytes`, maxChars);
  const text = await readFile(file, 'utf8').catch(cannotRead);
  if (text.length > maxChars)
    throw tooLarge(file, `${text.length.toLocaleString('en-IN')} characters`, maxChars);
  return text;
}
