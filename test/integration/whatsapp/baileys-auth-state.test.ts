import { randomBytes } from 'node:crypto';
import { BufferJSON, initAuthCreds } from '@whiskeysockets/baileys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthCipher, parseAuthKey } from '../../../src/adapters/whatsapp/baileys/auth-crypto.js';
import { loadPostgresAuthState } from '../../../src/adapters/whatsapp/baileys/postgres-auth-state.js';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/services.js';
import { BAILEYS_ENV, startChannelHarness } from './support/channel-harness.js';
import { createFakeSocketFactory } from './support/fake-baileys-socket.js';

const cipher = createAuthCipher(parseAuthKey(BAILEYS_ENV.WHATSAPP_AUTH_KEY));

describe('Baileys auth state in PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database?.drop();
  });

  it('round-trips creds and every kind of signal key, encrypted at rest', async () => {
    const session = 'round-trip';
    const first = await loadPostgresAuthState({ pool: database.pool, session, cipher });
    expect(first.state.creds.registered).toBe(false);
    first.state.creds.me = { id: '919800000001:7@s.whatsapp.net', lid: '123450000001:7@lid', name: 'Shop' };
    first.state.creds.registered = true;
    await first.saveCreds();
    const preKey = { public: randomBytes(32), private: randomBytes(32) };
    const sessionBytes = randomBytes(200);
    await first.state.keys.set({
      'pre-key': { '1': preKey, '2': { public: randomBytes(32), private: randomBytes(32) } },
      session: { '123450000002.0': sessionBytes },
      'app-state-sync-key': { AAAAAOdx: { keyData: randomBytes(32), timestamp: 1763960000 } },
      'lid-mapping': { '919800000002': '123450000002', '123450000002_reverse': '919800000002' },
      'device-list': { '919800000002': ['0', '3'] },
    });

    // A restart: a fresh load from the database alone.
    const second = await loadPostgresAuthState({ pool: database.pool, session, cipher });
    expect(JSON.stringify(second.state.creds, BufferJSON.replacer)).toBe(
      JSON.stringify(first.state.creds, BufferJSON.replacer),
    );
    const preKeys = await second.state.keys.get('pre-key', ['1', '2', '3']);
    expect(Buffer.from(preKeys['1']!.public)).toEqual(preKey.public);
    expect(Buffer.from(preKeys['1']!.private)).toEqual(preKey.private);
    expect(preKeys['3']).toBeUndefined();
    expect(
      Buffer.from((await second.state.keys.get('session', ['123450000002.0']))['123450000002.0']!),
    ).toEqual(sessionBytes);
    const appKey = (await second.state.keys.get('app-state-sync-key', ['AAAAAOdx'])).AAAAAOdx!;
    expect(appKey.constructor.name).toBe('AppStateSyncKeyData');
    expect(Number(appKey.timestamp)).toBe(1763960000);
    expect(await second.state.keys.get('lid-mapping', ['919800000002'])).toEqual({
      '919800000002': '123450000002',
    });
    expect(await second.state.keys.get('device-list', ['919800000002'])).toEqual({
      '919800000002': ['0', '3'],
    });

    // Deleting a key (Baileys sets it to null) removes its row.
    await second.state.keys.set({ 'pre-key': { '1': null } });
    expect(await second.state.keys.get('pre-key', ['1'])).toEqual({});

    const raw = await database.pool.query<{ value: Buffer }>(
      'SELECT value FROM whatsapp_auth_state WHERE session = $1',
      [session],
    );
    const all = Buffer.concat(raw.rows.map((row) => row.value));
    expect(all.includes(Buffer.from('919800000001'))).toBe(false);
    expect(all.includes(Buffer.from('registered'))).toBe(false);
    expect(all.includes(sessionBytes.subarray(0, 16))).toBe(false);
  });

  it('refuses to read with another key or from a row it was not written for', async () => {
    const session = 'tamper';
    const state = await loadPostgresAuthState({ pool: database.pool, session, cipher });
    await state.saveCreds();
    await state.state.keys.set({ session: { a: randomBytes(10), b: randomBytes(10) } });
    const otherCipher = createAuthCipher(randomBytes(32));
    await expect(
      loadPostgresAuthState({ pool: database.pool, session, cipher: otherCipher }),
    ).rejects.toThrow();
    await database.pool.query(
      `UPDATE whatsapp_auth_state SET value = (SELECT value FROM whatsapp_auth_state WHERE session = $1 AND key_id = 'a')
       WHERE session = $1 AND key_id = 'b'`,
      [session],
    );
    await expect(state.state.keys.get('session', ['b'])).rejects.toThrow();
    expect(() => parseAuthKey('too-short')).toThrow(/32 bytes/);
    expect(() => parseAuthKey(undefined)).toThrow(/WHATSAPP_AUTH_KEY/);
  });

  it('keeps the login across a restart of the channel', async () => {
    const firstSockets = createFakeSocketFactory();
    const options = {
      databaseUrl: database.url,
      env: BAILEYS_ENV,
      roles: [],
      baileys: { socketFactory: firstSockets.factory, printQrInTerminal: false },
    };
    const first = await startChannelHarness(options);
    const socket = await firstSockets.waitForSockets(1);
    const fresh = initAuthCreds();
    expect(socket.options.auth.creds.noiseKey.public).not.toEqual(fresh.noiseKey.public);
    // What Baileys does after a successful scan: updates creds in place, emits creds.update, stores keys.
    Object.assign(socket.options.auth.creds, {
      registered: true,
      me: { id: '919800000001:9@s.whatsapp.net' },
    });
    socket.emit('creds.update', { registered: true });
    await socket.options.auth.keys.set({ 'lid-mapping': { '919800000003': '123450000003' } });
    socket.open();
    await waitFor(async () => {
      const { rows } = await database.pool.query(
        `SELECT count(*)::int AS n FROM whatsapp_auth_state WHERE session = 'default' AND kind = 'creds'`,
      );
      return rows[0].n === 1;
    });
    const noise = Buffer.from(socket.options.auth.creds.noiseKey.public);
    await first.stop();

    const secondSockets = createFakeSocketFactory();
    const second = await startChannelHarness({
      ...options,
      baileys: { ...options.baileys, socketFactory: secondSockets.factory },
    });
    try {
      const restarted = await secondSockets.waitForSockets(1);
      expect(restarted.options.auth.creds.registered).toBe(true);
      expect(restarted.options.auth.creds.me?.id).toBe('919800000001:9@s.whatsapp.net');
      expect(Buffer.from(restarted.options.auth.creds.noiseKey.public)).toEqual(noise);
      expect(await restarted.options.auth.keys.get('lid-mapping', ['919800000003'])).toEqual({
        '919800000003': '123450000003',
      });
    } finally {
      await second.stop();
    }
  });
});
