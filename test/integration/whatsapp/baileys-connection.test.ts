import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../support/app.js';
import { createTestDatabase, type TestDatabase, testQueuePrefix } from '../support/services.js';
import { BAILEYS_ENV, type ChannelHarness, startChannelHarness } from './support/channel-harness.js';
import { createFakeSocketFactory, type FakeSocketFactory } from './support/fake-baileys-socket.js';

const ADMIN = { authorization: `Bearer ${BAILEYS_ENV.ADMIN_TOKEN}` };
const settle = (ms = 300) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

describe('Baileys connection against a fake socket', () => {
  let database: TestDatabase;
  const running: ChannelHarness[] = [];
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterEach(async () => {
    for (const harness of running.splice(0)) await harness.stop();
  });
  afterAll(async () => {
    await database?.drop();
  });

  async function start(sockets: FakeSocketFactory, env: Record<string, string> = {}) {
    const harness = await startChannelHarness({
      databaseUrl: database.url,
      env: { ...BAILEYS_ENV, ...env },
      roles: [],
      baileys: {
        socketFactory: sockets.factory,
        backoff: { baseMs: 40, maxMs: 400, jitter: 0 },
        lock: { ttlMs: 1_500, retryMs: 100 },
        loginPollMs: 50,
        printQrInTerminal: false,
      },
    });
    running.push(harness);
    return harness;
  }
  const status = async (harness: ChannelHarness) =>
    (await (await harness.app.request('/whatsapp/status', { headers: ADMIN })).json()) as Record<
      string,
      unknown
    >;

  it.each([
    ['connectionClosed', DisconnectReason.connectionClosed],
    ['connectionLost / timedOut', DisconnectReason.connectionLost],
    ['badSession', DisconnectReason.badSession],
    ['unavailableService', DisconnectReason.unavailableService],
    ['multideviceMismatch', DisconnectReason.multideviceMismatch],
    ['forbidden', DisconnectReason.forbidden],
  ])('reconnects with growing backoff after %s (%i)', async (_name, code) => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets);
    const first = await sockets.waitForSockets(1);
    first.open();
    first.close(code);
    await sockets.waitForSockets(2);
    expect(await status(harness)).toMatchObject({
      state: 'connecting',
      lastDisconnect: { statusCode: code, action: 'reconnect' },
    });
    // Closing again before it ever opens backs off longer each time.
    const gaps: number[] = [];
    for (const count of [3, 4]) {
      const closedAt = Date.now();
      sockets.latest().close(code);
      await sockets.waitForSockets(count);
      gaps.push(Date.now() - closedAt);
    }
    expect(gaps[0]).toBeGreaterThanOrEqual(75);
    expect(gaps[1]).toBeGreaterThanOrEqual(150);
    sockets.latest().open();
    await waitFor(async () => (await status(harness)).state === 'open');
  });

  it('reconnects at once when a restart is required (after pairing)', async () => {
    const sockets = createFakeSocketFactory();
    await start(sockets);
    (await sockets.waitForSockets(1)).close(DisconnectReason.restartRequired);
    const second = await sockets.waitForSockets(2);
    second.open();
    expect(sockets.sockets).toHaveLength(2);
  });

  it('on logged-out forgets the login, says so and waits for an operator before showing a new QR', async () => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets);
    const first = await sockets.waitForSockets(1);
    first.options.auth.creds.registered = true;
    first.emit('creds.update', { registered: true });
    first.open();
    await waitFor(async () => {
      const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM whatsapp_auth_state`);
      return rows[0].n > 0;
    });
    first.close(DisconnectReason.loggedOut);
    await waitFor(async () => (await status(harness)).state === 'logged-out');
    await settle();
    expect(sockets.sockets).toHaveLength(1);
    const { rows } = await database.pool.query(`SELECT count(*)::int AS n FROM whatsapp_auth_state`);
    expect(rows[0].n).toBe(0);

    const login = await harness.app.request('/whatsapp/login', { method: 'POST', headers: ADMIN });
    expect(login.status).toBe(202);
    const fresh = await sockets.waitForSockets(2);
    expect(fresh.options.auth.creds.registered).toBe(false);
    fresh.emit('connection.update', { qr: '2@fresh-login-qr,abc,def' });
    await waitFor(async () => (await status(harness)).state === 'waiting-for-qr-scan');
  });

  it('does not loop on conflict (replaced by another session)', async () => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets);
    const first = await sockets.waitForSockets(1);
    first.open();
    first.close(DisconnectReason.connectionReplaced);
    await waitFor(async () => (await status(harness)).state === 'replaced');
    await settle(500);
    expect(sockets.sockets).toHaveLength(1);
    await harness.app.request('/whatsapp/login', { method: 'POST', headers: ADMIN });
    await sockets.waitForSockets(2);
  });

  it('lets only one process hold the socket; the second takes over when the first stops', async () => {
    const prefix = testQueuePrefix();
    const firstSockets = createFakeSocketFactory();
    const secondSockets = createFakeSocketFactory();
    const first = await start(firstSockets, { QUEUE_PREFIX: prefix });
    await firstSockets.waitForSockets(1);
    const second = await start(secondSockets, { QUEUE_PREFIX: prefix });
    await settle(500);
    expect(secondSockets.sockets).toHaveLength(0);
    expect(await status(second)).toMatchObject({ socketHeld: true });
    expect(second.channel.sender).toBeDefined();
    await expect(
      second.channel.sender.send({ chatId: '919800000001@s.whatsapp.net', body: 'hi' }),
    ).rejects.toMatchObject({ name: 'ChannelUnavailableError', retryAfterMs: 5_000 });

    await first.stop();
    running.splice(running.indexOf(first), 1);
    const taken = await secondSockets.waitForSockets(1);
    taken.open();
    const receipt = await second.channel.sender.send({ chatId: '919800000001@s.whatsapp.net', body: 'hi' });
    expect(receipt.providerMessageId).toBe('3EB0FAKE1');
    expect(taken.sent).toEqual([{ jid: '919800000001@s.whatsapp.net', content: { text: 'hi' } }]);
  });

  it('drops the socket at once when its lock renewal fails, then waits to retake it', async () => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets);
    const first = await sockets.waitForSockets(1);
    first.open();
    const lockKey = `${harness.config.QUEUE_PREFIX}:whatsapp:baileys:default:lock`;
    // As if the lock expired during a long pause and another process took it.
    await harness.services.producerRedis.set(lockKey, 'another-process', 'PX', 60_000);
    await waitFor(async () => first.ended);
    await waitFor(async () => (await status(harness)).state === 'waiting-for-lock');
    expect(harness.channel.canSendNow?.()).toBe(false);
    await settle();
    expect(sockets.sockets).toHaveLength(1);
    await harness.services.producerRedis.del(lockKey);
    (await sockets.waitForSockets(2)).open();
    await waitFor(async () => harness.channel.canSendNow?.() === true);
  });

  it('serves status and the QR as a PNG only with the admin token', async () => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets);
    const socket = await sockets.waitForSockets(1);
    expect((await harness.app.request('/whatsapp/status')).status).toBe(401);
    expect(
      (
        await harness.app.request('/whatsapp/qr', {
          headers: { authorization: 'Bearer wrong-token-0000000' },
        })
      ).status,
    ).toBe(401);
    expect((await harness.app.request('/whatsapp/qr', { headers: ADMIN })).status).toBe(404);
    socket.emit('connection.update', { qr: '2@qr-payload-from-whatsapp,abc,def' });
    await waitFor(async () => (await status(harness)).state === 'waiting-for-qr-scan');
    const qr = await harness.app.request('/whatsapp/qr', { headers: ADMIN });
    expect(qr.status).toBe(200);
    expect(qr.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await qr.arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const shown = await status(harness);
    expect(shown).toMatchObject({ hasQr: true, socketHeld: true });
    expect(JSON.stringify(shown)).not.toContain('qr-payload');
    socket.open();
    await waitFor(async () => (await status(harness)).state === 'open');
    expect((await harness.app.request('/whatsapp/qr', { headers: ADMIN })).status).toBe(404);
  });

  it('asks for a pairing code when WHATSAPP_PAIRING_NUMBER is set', async () => {
    const sockets = createFakeSocketFactory();
    const harness = await start(sockets, { WHATSAPP_PAIRING_NUMBER: '+91 98000 00001' });
    const socket = await sockets.waitForSockets(1);
    socket.emit('connection.update', { qr: '2@qr,abc' });
    await waitFor(async () => (await status(harness)).state === 'waiting-for-pairing-code');
    expect(socket.pairingRequests).toEqual(['919800000001']);
    expect(await status(harness)).toMatchObject({ pairingCode: 'ABCD1234' });
    socket.emit('connection.update', { qr: '2@qr,def' });
    await settle(100);
    expect(socket.pairingRequests).toHaveLength(1);
  });
});
