import { readFile } from 'node:fs/promises';
import type { Queryable } from '../../../src/adapters/postgres/pool.js';

// CPU time actually used per message, by the application processes, the PostgreSQL backends serving the
// run's database, the Redis server (when it runs on this machine) and the load generator (this process).
// On a machine shared with other work, wall-clock figures say more about the neighbours than about
// BillMitra; CPU per message does not, and bounds the rate two idle cores could take.

const TICKS_PER_SECOND = 100;

export async function processCpuMs(pid: number): Promise<number | undefined> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (!stat) return undefined;
  // Fields after the command name (which may contain spaces) start at state; utime and stime are 14 and 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks / TICKS_PER_SECOND) * 1000;
}

export interface CpuSnapshot {
  app: Map<number, number>;
  postgres: Map<number, number>;
  /** The whole Redis server's, other users of it included (none during a bench run here). */
  redisMs: number | undefined;
  loadGeneratorMs: number;
}

export async function cpuSnapshot(
  appPids: number[],
  db: Queryable,
  databaseName: string,
  redisPid: number | undefined,
): Promise<CpuSnapshot> {
  const { rows } = await db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [
    databaseName,
  ]);
  const read = async (pids: number[]) => {
    const found = new Map<number, number>();
    for (const pid of pids) {
      const ms = await processCpuMs(pid);
      if (ms !== undefined) found.set(pid, ms);
    }
    return found;
  };
  const own = process.cpuUsage();
  return {
    app: await read(appPids),
    postgres: await read(rows.map((row) => row.pid)),
    redisMs: redisPid === undefined ? undefined : await processCpuMs(redisPid),
    loadGeneratorMs: (own.user + own.system) / 1000,
  };
}

export interface CpuPerMessage {
  appMs: number;
  postgresMs: number;
  /** Messages per second two dedicated cores could take at this cost (app + database, Redis excluded). */
  twoCoreCeiling: number;
  redisMs: number | undefined;
  loadGeneratorMs: number;
  /** Messages per second the two cores could take with Redis and the load generator on them too. */
  wholeMachineCeiling: number | undefined;
}

export function cpuPerMessage(before: CpuSnapshot, after: CpuSnapshot, messages: number): CpuPerMessage {
  const used = (start: Map<number, number>, end: Map<number, number>) =>
    [...end].reduce((sum, [pid, ms]) => sum + ms - (start.get(pid) ?? 0), 0);
  const appMs = used(before.app, after.app) / messages;
  const postgresMs = used(before.postgres, after.postgres) / messages;
  const redisMs =
    before.redisMs === undefined || after.redisMs === undefined
      ? undefined
      : (after.redisMs - before.redisMs) / messages;
  const loadGeneratorMs = (after.loadGeneratorMs - before.loadGeneratorMs) / messages;
  return {
    appMs,
    postgresMs,
    twoCoreCeiling: 2000 / (appMs + postgresMs),
    redisMs,
    loadGeneratorMs,
    wholeMachineCeiling:
      redisMs === undefined ? undefined : 2000 / (appMs + postgresMs + redisMs + loadGeneratorMs),
  };
}
