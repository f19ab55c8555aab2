import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { acquireDirectoryLock } from '../postgres/directory-lock.js';

// With no REDIS_URL we run a private redis-server: loopback only, append-only file under the data
// directory, noeviction (BullMQ must never lose keys), stopped when we stop.

export class RedisNotInstalledError extends Error {
  override name = 'RedisNotInstalledError';
  constructor(binary: string) {
    super(
      `No REDIS_URL is set and "${binary}" was not found on PATH.\n` +
        'Install Redis (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) ' +
        'or set REDIS_URL=redis://host:6379 to use a running server.',
    );
  }
}

export interface LocalRedisServer {
  url: string;
  stop(): Promise<void>;
}

export interface LocalRedisOptions {
  binary: string;
  dataDir: string;
  /** false for throwaway servers in tests */
  persist?: boolean;
}

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

function waitForReady(child: ChildProcess, binary: string): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new RedisNotInstalledError(binary) : error),
    );
    child.once('exit', (code) =>
      reject(new Error(`redis-server exited with code ${code}: ${output.slice(-500)}`)),
    );
  });
}

// A previous run killed with SIGKILL leaves its redis-server behind, still writing the same AOF; stop it
// before starting ours so two servers never share one data directory.
async function stopOrphan(pidFile: string): Promise<void> {
  const pid = Number.parseInt((await readFile(pidFile, 'utf8').catch(() => '')).trim(), 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('redis')) return;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let waited = 0; waited < 5_000; waited += 100) {
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

export async function startLocalRedis(options: LocalRedisOptions): Promise<LocalRedisServer> {
  const dataDir = resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const lock = options.persist === false ? undefined : await acquireDirectoryLock(dataDir, 'private Redis');
  const pidFile = join(dataDir, 'redis.pid');
  if (options.persist !== false) await stopOrphan(pidFile);
  const port = await freePort();
  const child = await spawnRedisServer({
    binary: options.binary,
    port,
    dir: dataDir,
    appendOnly: options.persist !== false,
    extraArgs: ['--protected-mode', 'yes', '--pidfile', pidFile],
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
        child.kill('SIGTERM');
        await exited;
      }
      await lock?.release();
    },
  };
}

export interface RedisServerSpawn {
  binary: string;
  port: number;
  dir: string;
  appendOnly: boolean;
  extraArgs?: string[];
}

/** A redis-server on loopback that keeps no RDB snapshots and never evicts, once it accepts connections. */
export async function spawnRedisServer(options: RedisServerSpawn): Promise<ChildProcess> {
  const args = [
    '--bind',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--dir',
    options.dir,
    '--save',
    '',
    '--appendonly',
    options.appendOnly ? 'yes' : 'no',
    '--maxmemory-policy',
    'noeviction',
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(options.binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForReady(child, options.binary);
  child.removeAllListeners('exit');
  // Keep draining output so a full pipe never blocks the server.
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}
