import { proto, type WAMessageKey } from '@whiskeysockets/baileys';
import QRCode from 'qrcode';
import { logger } from '../../../log.js';
import type { Pool } from '../../postgres/pool.js';
import { createChatActivityRepository } from '../../postgres/repositories/chat-activity.js';
import { channelQueryable } from '../../postgres/tenant-scope.js';
import type { AuthCipher } from './auth-crypto.js';
import { loadPostgresAuthState, type PostgresAuthState } from './postgres-auth-state.js';
import {
  type BackoffOptions,
  backoffDelayMs,
  closeAction,
  DEFAULT_BACKOFF,
  disconnectStatusCode,
} from './reconnect-policy.js';
import type { SessionState, SessionStatus, SessionStatusStore } from './session-status.js';
import { type HeldLock, type SocketLock, sleep } from './socket-lock.js';
import type { SocketEvents, SocketFactory, WhatsAppSocket } from './socket-port.js';

export interface BaileysConnectionOptions {
  pool: Pool;
  session: string;
  cipher: AuthCipher;
  lock: SocketLock;
  statusStore: SessionStatusStore;
  socketFactory: SocketFactory;
  onMessages(event: SocketEvents['messages.upsert'], socket: WhatsAppSocket): Promise<void>;
  /** Log in with a pairing code for this number (digits with country code) instead of a QR. */
  pairingNumber?: string;
  printQrInTerminal?: boolean;
  backoff?: BackoffOptions;
  loginPollMs?: number;
}

export interface BaileysConnection {
  /** Starts in the background: a second process waits for the lock without holding up startup. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The socket when the connection is open, for sending. */
  openSocket(): WhatsAppSocket | undefined;
  status(): SessionStatus;
}

type SocketEnd =
  | { kind: 'closed'; statusCode: number | undefined; opened: boolean }
  | { kind: 'lost' }
  | { kind: 'stopped' };

export function createBaileysConnection(options: BaileysConnectionOptions): BaileysConnection {
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const stopping = new AbortController();
  const stopped = abortedPromise(stopping.signal);
  let status: SessionStatus = { state: 'stopped', since: new Date().toISOString() };
  let open: WhatsAppSocket | undefined;
  let running: Promise<void> | undefined;

  const setState = (state: SessionState, extra: Partial<SessionStatus> = {}) => {
    const { qr: _qr, pairingCode: _code, ...kept } = status;
    status = { ...kept, ...extra, state, since: new Date().toISOString() };
    void options.statusStore.publish(status);
  };

  const getMessage = async (key: WAMessageKey): Promise<proto.IMessage | undefined> => {
    if (!key.id) return undefined;
    const body = await createChatActivityRepository(channelQueryable(options.pool)).sentBodyByProviderId(
      'baileys',
      key.id,
    );
    return body === undefined ? undefined : proto.Message.fromObject({ conversation: body });
  };

  /** Runs one socket until it closes, the lock is lost or we stop. */
  async function runSocket(auth: PostgresAuthState, held: HeldLock): Promise<SocketEnd> {
    setState('connecting');
    const socket = await options.socketFactory({ auth: auth.state, getMessage });
    let saving = Promise.resolve();
    let inbound = Promise.resolve();
    let pairingRequested = false;
    let opened = false;
    const closed = new Promise<SocketEnd>((resolveClosed) => {
      socket.on('creds.update', () => {
        saving = saving
          .then(() => auth.saveCreds())
          .catch((error) => logger.error({ err: error }, 'saving WhatsApp credentials failed'));
      });
      socket.on('messages.upsert', (event) => {
        inbound = inbound
          .then(() => options.onMessages(event, socket))
          .catch((error) => logger.error({ err: error }, 'handling WhatsApp messages failed'));
      });
      socket.on('connection.update', (update) => {
        if (update.qr) {
          // A pairing code is asked for once per socket; QR refreshes after that are not shown.
          const pairing = Boolean(options.pairingNumber) && !auth.state.creds.registered;
          if (!pairing) void showQr(update.qr);
          else if (!pairingRequested) {
            pairingRequested = true;
            void showPairingCode(socket, update.qr);
          }
        }
        if (update.connection === 'open') {
          open = socket;
          opened = true;
          setState('open', { reconnectAttempt: 0 });
          logger.info('WhatsApp connection open');
        }
        if (update.connection === 'close') {
          open = undefined;
          resolveClosed({
            kind: 'closed',
            statusCode: disconnectStatusCode(update.lastDisconnect?.error),
            opened,
          });
        }
      });
    });
    const end = await Promise.race([
      closed,
      held.lost.then((): SocketEnd => ({ kind: 'lost' })),
      stopped.then((): SocketEnd => ({ kind: 'stopped' })),
    ]);
    open = undefined;
    if (end.kind !== 'closed') socket.end();
    await saving;
    await inbound;
    return end;
  }

  /** Shows the QR in the terminal and at /whatsapp/qr. */
  async function showQr(qr: string) {
    setState('waiting-for-qr-scan', { qr });
    logger.warn('WhatsApp is not linked: scan the QR in the terminal or at /whatsapp/qr');
    if (options.printQrInTerminal) {
      process.stdout.write(`\n${await QRCode.toString(qr, { type: 'terminal', small: true })}\n`);
    }
  }

  /** Asks WhatsApp for a pairing code for WHATSAPP_PAIRING_NUMBER; falls back to the QR if that fails. */
  async function showPairingCode(socket: WhatsAppSocket, qr: string) {
    try {
      const code = await socket.requestPairingCode((options.pairingNumber ?? '').replace(/\D/g, ''));
      setState('waiting-for-pairing-code', { pairingCode: code });
      logger.warn('WhatsApp pairing code ready: see /whatsapp/status (admin) or the terminal');
      if (options.printQrInTerminal) process.stdout.write(`\nWhatsApp pairing code: ${code}\n\n`);
    } catch (error) {
      logger.error({ err: error }, 'requesting a WhatsApp pairing code failed; showing the QR instead');
      await showQr(qr);
    }
  }

  /** Holds the socket (reconnecting as the policy says) until the lock is lost or we stop. */
  async function holdSocket(held: HeldLock): Promise<'lost' | 'stopped'> {
    let attempt = 0;
    for (;;) {
      const auth = await loadPostgresAuthState({
        pool: options.pool,
        session: options.session,
        cipher: options.cipher,
      });
      const end = await runSocket(auth, held);
      if (end.kind !== 'closed') return end.kind;
      if (end.opened) attempt = 0;
      const action = closeAction(end.statusCode);
      const lastDisconnect = { statusCode: end.statusCode ?? null, action, at: new Date().toISOString() };
      status.lastDisconnect = lastDisconnect;
      if (action === 'logged-out' || action === 'replaced') {
        if (action === 'logged-out') await auth.clear();
        setState(action, { lastDisconnect });
        announceStop(action);
        const next = await waitForLoginRequest(held);
        if (next !== 'login') return next;
        attempt = 0;
        continue;
      }
      if (action === 'restart') continue;
      const delayMs = backoffDelayMs(attempt, backoff);
      attempt += 1;
      setState('reconnecting', { lastDisconnect, reconnectAttempt: attempt });
      logger.warn(
        { statusCode: end.statusCode, delayMs, attempt },
        'WhatsApp connection closed; reconnecting',
      );
      const waited = await Promise.race([
        sleep(delayMs, stopping.signal).then(() => 'waited' as const),
        held.lost.then(() => 'lost' as const),
      ]);
      if (waited === 'lost') return 'lost';
      if (stopping.signal.aborted) return 'stopped';
    }
  }

  async function waitForLoginRequest(held: HeldLock): Promise<'login' | 'lost' | 'stopped'> {
    let lost = false;
    void held.lost.then(() => {
      lost = true;
    });
    for (;;) {
      if (stopping.signal.aborted) return 'stopped';
      if (lost) return 'lost';
      if (await options.statusStore.takeLoginRequest()) return 'login';
      await sleep(options.loginPollMs ?? 2_000, stopping.signal);
    }
  }

  async function run(): Promise<void> {
    while (!stopping.signal.aborted) {
      setState('waiting-for-lock');
      const held = await options.lock.acquire(stopping.signal);
      if (!held) break;
      const outcome = await holdSocket(held).catch((error: unknown) => {
        logger.error({ err: error }, 'WhatsApp connection failed');
        return 'failed' as const;
      });
      await held.release();
      if (outcome === 'lost')
        logger.error('lost the WhatsApp socket lock; dropped the socket and waiting to retake it');
      if (outcome === 'failed') await sleep(backoffDelayMs(3, backoff), stopping.signal);
    }
    setState('stopped');
  }

  return {
    async start() {
      running ??= run();
    },
    async stop() {
      stopping.abort();
      await running;
    },
    openSocket: () => open,
    status: () => status,
  };
}

function announceStop(action: 'logged-out' | 'replaced'): void {
  const why =
    action === 'logged-out'
      ? 'WhatsApp LOGGED OUT this device (removed from Linked devices). The stored login was deleted.'
      : 'Another WhatsApp Web session REPLACED this one (conflict). Not reconnecting, to avoid a tug of war.';
  logger.error(
    { action },
    `${why} BillMitra will not send or receive on WhatsApp until an operator logs in again: POST /whatsapp/login with the admin token (or restart), then scan the QR at /whatsapp/qr.`,
  );
}

function abortedPromise(signal: AbortSignal): Promise<void> {
  return new Promise((resolveAborted) => {
    if (signal.aborted) resolveAborted();
    else signal.addEventListener('abort', () => resolveAborted(), { once: true });
  });
}
