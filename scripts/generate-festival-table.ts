import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { computeFestivalYear } from '../src/core/festivals/compute-year.js';
import { buildFestivalTable } from '../src/core/festivals/festival-table.js';

// Writes the checked-in festival table that the fast path of src/core/festivals reads.
// Usage: npm run festivals:generate [-- FROM_YEAR TO_YEAR]   (default 2015 2035)
const [fromArg = '2015', toArg = '2035'] = process.argv.slice(2);
const fromYear = Number(fromArg);
const toYear = Number(toArg);
if (!Number.isInteger(fromYear) || !Number.isInteger(toYear) || fromYear > toYear) {
  process.stderr.write(`usage: generate-festival-table [FROM_YEAR TO_YEAR], got ${fromArg} ${toArg}\n`);
  process.exit(2);
}

const started = performance.now();
const table = buildFestivalTable(fromYear, toYear, computeFestivalYear);
const target = join(
  dirname(fileURLToPath(import.meta.url)),
  '../src/core/festivals/generated/festival-table.json',
);
// One occurrence per line, spaced as biome formats JSON, so a regenerated table diffs cleanly.
const entry = (o: { id: string; date: string }): string =>
  `      { "id": ${JSON.stringify(o.id)}, "date": ${JSON.stringify(o.date)} }`;
const lines = Object.entries(table.years).map(
  ([year, list]) => `    "${year}": [\n${list.map(entry).join(',\n')}\n    ]`,
);
writeFileSync(
  target,
  `{\n  "fromYear": ${table.fromYear},\n  "toYear": ${table.toYear},\n  "years": {\n${lines.join(',\n')}\n  }\n}\n`,
);
const count = Object.values(table.years).reduce((sum, list) => sum + list.length, 0);
process.stdout.write(
  `wrote ${count} occurrences for ${fromYear}-${toYear} to ${target} in ${Math.round(performance.now() - started)} ms\n`,
);
