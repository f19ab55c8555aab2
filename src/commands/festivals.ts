import type { Command } from 'commander';
import { festivalsBetween, INDIAN_STATES, normaliseStateCode, TABLE_YEARS } from '../core/festivals/index.js';

function parseYear(flag: string, value: string): number {
  if (!/^\d{4}$/.test(value.trim())) throw new Error(`${flag} must be a four-digit year, got "${value}"`);
  return Number(value);
}

export function register(program: Command): void {
  program
    .command('festivals')
    .description('print Indian festival dates as a JSON array [{id, name, date}] sorted by date')
    .requiredOption('--from <year>', 'first year (four digits)')
    .requiredOption('--to <year>', 'last year, inclusive (four digits)')
    .option('--state <code>', `only festivals that matter in this state (${INDIAN_STATES.join(', ')})`)
    .addHelpText(
      'after',
      `\nDates are shop-local days (Asia/Kolkata), name in English. Years ${TABLE_YEARS.from}-${TABLE_YEARS.to} ` +
        'come from the checked-in table, others are computed from the sun and moon.\n' +
        'Example: billmitra festivals --from 2025 --to 2026 --state WB',
    )
    .action((options: { from: string; to: string; state?: string }) => {
      const fromYear = parseYear('--from', options.from);
      const toYear = parseYear('--to', options.to);
      if (fromYear > toYear) throw new Error(`--from ${fromYear} is after --to ${toYear}`);
      if (options.state !== undefined && !normaliseStateCode(options.state)) {
        throw new Error(`--state must be one of ${INDIAN_STATES.join(', ')}, got "${options.state}"`);
      }
      const list = festivalsBetween(fromYear, toYear, { state: options.state });
      process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
    });
}
