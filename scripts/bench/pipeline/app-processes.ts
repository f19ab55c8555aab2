import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { packagePath } from '../../../src/package-path.js';

export { freePort } from '../../../src/adapters/redis/local-server.js';

// The application under test runs as real `billmitra start` processes, exactly as an operator runs them;
// the bench only talks to them over loopback HTTP and reads the shared database afterwards.

export interface AppProcess {
  label: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

export function spawnApp(label: string, env: Record<string, string>, roles?: string): AppProcess {
  // BENCH_APP_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' profiles the app processes of a run.
  const args = [
    ...(process.env.BENCH_APP_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    '--import',
    'tsx',
    packagePath('src', 'cli.ts'),
    'start',
    ...(roles ? ['--role', roles] : []),
  ];
  const child = spawn(process.execPath, args, {
    cwd: packagePath(),
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'warn', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    // Keep only the tail: a long run must not grow the bench's own memory.
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { label, child, output: () => output, exited };
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMb(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match?.[1] ? Number(match[1]) / 1024 : undefined;
}

export async function waitUntil(
  probe: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
}

export async function stopApp(app: AppProcess, timeoutMs = 30_000): Promise<number | null> {
  if (app.child.exitCode !== null) return app.child.exitCode;
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => app.child.kill('SIGKILL'), timeoutMs);
  try {
    return await app.exited;
  } finally {
    clearTimeout(timer);
  }
}
