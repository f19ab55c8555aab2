import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

// The chart option builders are browser-safe modules of the app itself, so the browser imports them
// rather than a copy. A built app serves the compiled .js next to this file; run from sources (tsx,
// vitest) the .ts is transpiled once with the TypeScript compiler of the dev install. Only the listed
// files can be fetched.

const MODULES: Record<string, string> = {
  'adapters/charts/forecast-chart-option.js': '../../adapters/charts/forecast-chart-option',
  'adapters/charts/sales-chart-option.js': '../../adapters/charts/sales-chart-option',
  'adapters/charts/chart-labels.js': '../../adapters/charts/chart-labels',
  'core/money.js': '../../core/money',
};

const cache = new Map<string, Promise<string>>();

async function load(base: string): Promise<string> {
  const built = fileURLToPath(new URL(`${base}.js`, import.meta.url));
  if (existsSync(built)) return stripSourceMap(await readFile(built, 'utf8'));
  const source = await readFile(fileURLToPath(new URL(`${base}.ts`, import.meta.url)), 'utf8');
  const { default: ts } = await import('typescript');
  return ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, sourceMap: false },
  }).outputText;
}

function stripSourceMap(code: string): string {
  return code.replace(/\n\/\/# sourceMappingURL=.*$/, '\n');
}

/** The module's JavaScript, or undefined when the path is not one of the served modules. */
export function chartModule(path: string): Promise<string> | undefined {
  const base = MODULES[path];
  if (!base) return undefined;
  let loading = cache.get(path);
  if (!loading) {
    loading = load(base);
    loading.catch(() => cache.delete(path));
    cache.set(path, loading);
  }
  return loading;
}
