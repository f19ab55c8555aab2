import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface DirectoryLock {
  release(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A pid file that keeps a second process from opening embedded state another live process holds. */
export async function acquireDirectoryLock(directory: string, what: string): Promise<DirectoryLock> {
  const path = join(directory, 'billmitra.lock');
  const existing = await readFile(path, 'utf8').catch(() => undefined);
  const holder = existing ? Number.parseInt(existing, 10) : Number.NaN;
  if (Number.isInteger(holder) && holder !== process.pid && processAlive(holder)) {
    throw new Error(
      `${what} in ${directory} is in use by process ${holder}. Run one process with the embedded ` +
        'servers, or set DATABASE_URL and REDIS_URL to shared servers to run several.',
    );
  }
  await writeFile(path, String(process.pid));
  return {
    async release() {
      await rm(path, { force: true });
    },
  };
}
