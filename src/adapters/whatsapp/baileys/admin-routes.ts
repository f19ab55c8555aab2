import { Hono } from 'hono';
import QRCode from 'qrcode';
import { requireAdminToken } from '../../../http/admin-auth.js';
import type { SessionStatusStore } from './session-status.js';
import type { SocketLock } from './socket-lock.js';

export interface BaileysAdminRoutesOptions {
  adminToken: string | undefined;
  statusStore: SessionStatusStore;
  lock: SocketLock;
}

/** /whatsapp/status, /whatsapp/qr (PNG) and POST /whatsapp/login, all behind the admin token. */
export function createBaileysAdminRoutes(options: BaileysAdminRoutesOptions): Hono {
  const app = new Hono();
  app.use('/whatsapp/*', requireAdminToken(options.adminToken));

  app.get('/whatsapp/status', async (c) => {
    const status = await options.statusStore.read();
    const held = await options.lock.isHeldByAnyone();
    if (!status) return c.json({ channel: 'baileys', state: 'unknown', socketHeld: held });
    const { qr, ...rest } = status;
    return c.json({ channel: 'baileys', ...rest, hasQr: qr !== undefined, socketHeld: held });
  });

  app.get('/whatsapp/qr', async (c) => {
    const status = await options.statusStore.read();
    if (!status?.qr) {
      return c.json({ error: 'no QR to show', state: status?.state ?? 'unknown' }, 404);
    }
    const png = await QRCode.toBuffer(status.qr, { type: 'png', width: 360, margin: 2 });
    c.header('Content-Type', 'image/png');
    c.header('Cache-Control', 'no-store');
    return c.body(new Uint8Array(png));
  });

  app.post('/whatsapp/login', async (c) => {
    await options.statusStore.requestLogin();
    return c.json({ status: 'login requested; open /whatsapp/qr in a few seconds' }, 202);
  });

  return app;
}
