import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseTransportChoice,
  postgresTransport,
} from '../../../scripts/bench/pipeline/postgres-transport.js';

const directories: string[] = [];

/** The host a pg client would connect to (a directory means its Unix socket), without connecting. */
const hostOf = (connectionString: string) => new pg.Client({ connectionString }).host;

function socketDirectory(withSocket: boolean): string {
  const directory = mkdtempSync(join(tmpdir(), 'bm-pgsock-'));
  directories.push(directory);
  if (withSocket) writeFileSync(join(directory, '.s.PGSQL.5432'), '');
  return directory;
}

afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('bench:pipeline --postgres', () => {
  it('takes the local socket where there is one, as a URL pg reads as a socket host', () => {
    const directory = socketDirectory(true);
    const transport = postgresTransport('auto', { adminUrlFromEnv: undefined, socketDirectory: directory });
    expect(hostOf(transport.adminUrl)).toBe(directory);
    expect(new pg.Client({ connectionString: transport.adminUrl }).database).toBe('postgres');
    expect(transport.description).toContain('Unix socket');
  });

  it('falls back to loopback TCP without a socket, and refuses --postgres socket then', () => {
    const directory = socketDirectory(false);
    const options = { adminUrlFromEnv: undefined, socketDirectory: directory };
    expect(hostOf(postgresTransport('auto', options).adminUrl)).toBe('127.0.0.1');
    expect(() => postgresTransport('socket', options)).toThrow(/no PostgreSQL socket/);
  });

  it('keeps TCP when asked, and an explicit admin URL whatever the choice', () => {
    const directory = socketDirectory(true);
    expect(
      postgresTransport('tcp', { adminUrlFromEnv: undefined, socketDirectory: directory }).adminUrl,
    ).toBe('postgres://postgres@127.0.0.1:5432/postgres');
    const given = 'postgres://bench@db.internal:6432/postgres';
    expect(postgresTransport('socket', { adminUrlFromEnv: given, socketDirectory: directory }).adminUrl).toBe(
      given,
    );
  });

  it('names the choices it accepts', () => {
    expect(parseTransportChoice('tcp')).toBe('tcp');
    expect(() => parseTransportChoice('udp')).toThrow('--postgres must be auto, socket or tcp');
  });
});
