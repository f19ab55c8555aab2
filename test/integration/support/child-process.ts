import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { packagePath } from '../../../src/package-path.js';

export interface BillMitraProcess {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs `billmitra start` as a separate Node process (through tsx), as an operator would. */
export async function spawnBillMitra(
  env: Record<string, string>,
  args: string[] = [],
): Promise<BillMitraProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', packagePath('src', 'cli.ts'), 'start', ...args], {
    cwd: packagePath(),
    env: { ...process.env, LOG_FORMAT: 'json', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`no listening line within 60 s:\n${output}`)), 60_000);
    const onData = () => {
      const match = /"port":(\d+)[^\n]*BillMitra HTTP listening/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout?.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`process exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, port, output: () => output, exited };
}
