import { EventEmitter } from 'node:events';
import type { WAMessageKey } from '@whiskeysockets/baileys';
import type {
  OutgoingContent,
  SocketEventName,
  SocketEvents,
  SocketFactory,
  SocketFactoryOptions,
  WhatsAppSocket,
} from '../../../../src/adapters/whatsapp/baileys/socket-port.js';

// A Baileys socket stand-in: an event emitter the test drives (recorded messages.upsert events, QR codes,
// opens and closes with each disconnect reason), recording what the channel sends through it.

export class FakeSocket implements WhatsAppSocket {
  readonly emitter = new EventEmitter();
  readonly sent: Array<{ jid: string; content: OutgoingContent }> = [];
  ended = false;
  pairingRequests: string[] = [];
  constructor(
    readonly options: SocketFactoryOptions,
    private readonly lidToPhone: Map<string, string>,
    // WhatsApp's message ids stay unique across reconnects; numbering per socket would give two sent rows
    // one id, and a lookup by id would pick either.
    private readonly nextMessageNumber: () => number,
  ) {}

  on<E extends SocketEventName>(event: E, listener: (data: SocketEvents[E]) => void): void {
    this.emitter.on(event, listener);
  }
  emit<E extends SocketEventName>(event: E, data: SocketEvents[E]): void {
    this.emitter.emit(event, data);
  }
  async sendMessage(jid: string, content: OutgoingContent) {
    this.sent.push({ jid, content });
    return { id: `3EB0FAKE${this.nextMessageNumber()}` };
  }
  async requestPairingCode(phoneNumber: string) {
    this.pairingRequests.push(phoneNumber);
    return 'ABCD1234';
  }
  async phoneJidForLid(lid: string) {
    return this.lidToPhone.get(lid) ?? null;
  }
  end(): void {
    this.ended = true;
  }

  open(): void {
    this.emit('connection.update', { connection: 'open' });
  }
  close(statusCode: number): void {
    this.emit('connection.update', {
      connection: 'close',
      // Baileys closes with a Boom error; its status code sits at output.statusCode.
      lastDisconnect: {
        error: Object.assign(new Error('closed'), { output: { statusCode } }),
        date: new Date(),
      },
    });
  }
  getMessage(key: WAMessageKey) {
    return this.options.getMessage(key);
  }
}

export interface FakeSocketFactory {
  factory: SocketFactory;
  sockets: FakeSocket[];
  /** LID → phone JID pairs the fake "knows", as Baileys learns them from traffic. */
  lidToPhone: Map<string, string>;
  latest(): FakeSocket;
  /** Waits until `count` sockets have been created. */
  waitForSockets(count: number, timeoutMs?: number): Promise<FakeSocket>;
}

export function createFakeSocketFactory(): FakeSocketFactory {
  const sockets: FakeSocket[] = [];
  const lidToPhone = new Map<string, string>();
  const created = new EventEmitter();
  let sentMessages = 0;
  const nextMessageNumber = () => ++sentMessages;
  return {
    sockets,
    lidToPhone,
    factory: (options) => {
      const socket = new FakeSocket(options, lidToPhone, nextMessageNumber);
      sockets.push(socket);
      created.emit('socket');
      return socket;
    },
    latest: () => {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket created yet');
      return socket;
    },
    async waitForSockets(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sockets.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} sockets, have ${sockets.length}`);
        await new Promise((resolveWait) => setTimeout(resolveWait, 10));
      }
      return sockets[count - 1]!;
    },
  };
}
