#!/usr/bin/env node
// npm 11 on our build machines writes package-lock.json without the records of other platforms' optional
// packages (biome, esbuild, msgpackr binaries for macOS, Windows, musl...), and `npm ci` then refuses the
// lock as out of sync ("Missing: ... from lock file"). The registry mirror here serves only this platform's
// binaries, so the records cannot be filled in from it; a record with the pinned version marked optional is
// enough for `npm ci` on every platform (a platform that needs the package fetches it by that version).
// Run after every `npm install <pkg>`: `node scripts/complete-lockfile.mjs` (idempotent).
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

function resolvesTo(fromPath, name) {
  let base = fromPath;
  for (;;) {
    const candidate = base ? `${base}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!base) return undefined;
    const index = base.lastIndexOf('/node_modules/');
    base = index === -1 ? '' : base.slice(0, index);
  }
}

let added = 0;
for (const [path, record] of Object.entries({ ...packages })) {
  if (path === '') continue;
  for (const [name, range] of Object.entries(record.optionalDependencies ?? {})) {
    if (resolvesTo(path, name)) continue;
    const version = range.replace(/^[~^=]/, '');
    packages[`node_modules/${name}`] = { version, ...(record.dev ? { dev: true } : {}), optional: true };
    added += 1;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`added ${added} platform package records\n`);
