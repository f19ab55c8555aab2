import {
  Browsers,
  fetchLatestWaWebVersion,
  makeCacheableSignalKeyStore,
  makeWASocket,
  type WAVersion,
} from '@whiskeysockets/baileys';
import pino from 'pino';
import type { SocketFactory, WhatsAppSocket } from './socket-port.js';

// Baileys logs JIDs and message keys in its own field names, which our redaction does not know, so its
// logger stays silent; the channel logs connection events itself, pseudonymised.
const quietLogger = pino({ level: 'silent' });

let cachedVersion: WAVersion | undefined;

async function webVersion(): Promise<WAVersion | undefined> {
  if (cachedVersion) return cachedVersion;
  try {
    const latest = await fetchLatestWaWebVersion({ signal: AbortSignal.timeout(5_000) });
    cachedVersion = latest.version;
  } catch {
    // The version bundled with Baileys is used instead.
  }
  return cachedVersion;
}

/** Opens a real WhatsApp Web connection. */
export const createBaileysSocket: SocketFactory = async (options) => {
  const version = await webVersion();
  const socket = makeWASocket({
    auth: { creds: options.auth.creds, keys: makeCacheableSignalKeyStore(options.auth.keys, quietLogger) },
    logger: quietLogger,
    browser: Browsers.ubuntu('Chrome'),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
    getMessage: options.getMessage,
    ...(version ? { version } : {}),
  });
  const port: WhatsAppSocket = {
    on: (event, listener) => socket.ev.on(event, listener),
    async sendMessage(jid, content) {
      const sent = await socket.sendMessage(jid, content);
      const id = sent?.key.id;
      if (!id) throw new Error('WhatsApp accepted no message id');
      return { id };
    },
    requestPairingCode: (phoneNumber) => socket.requestPairingCode(phoneNumber),
    phoneJidForLid: (lid) => socket.signalRepository.lidMapping.getPNForLID(lid),
    end: () => socket.end(undefined),
  };
  return port;
};
