import type { PGlite } from '@electric-sql/pglite';

// PGlite is one PostgreSQL session; pglite-socket lets several `pg` connections share it by queueing their
// protocol messages. Its own queue keeps a connection's messages together only inside a transaction, so
// two connections' extended-protocol exchanges (Parse, Bind, Execute ... Sync) interleave and fail with
// "bind message supplies N parameters, but prepared statement requires M". This queue hands the session
// to one connection from its first message until the exchange ends (Sync or a simple Query) outside a
// transaction, and queues everyone else meanwhile.

interface QueuedMessage {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

const SYNC = 0x53; // 'S'
const PARSE = 0x50; // 'P'
const PARSE_COMPLETE = Uint8Array.of(0x31, 0, 0, 0, 4); // '1', length 4
const SIMPLE_QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  if (type === SYNC || type === SIMPLE_QUERY || type === TERMINATE) return true;
  // A startup packet has no type byte: a length, then protocol version 3.0.
  if (message.length >= 8) {
    const view = new DataView(message.buffer, message.byteOffset, message.byteLength);
    if (view.getInt32(0) === message.length && view.getInt32(4) === 196608) return true;
  }
  return false;
}

/** A Parse message's statement name and text; undefined for other messages and the unnamed statement. */
function namedParse(message: Uint8Array): { name: string; text: string } | undefined {
  if (message[0] !== PARSE) return undefined;
  const nameEnd = message.indexOf(0, 5);
  if (nameEnd <= 5) return undefined;
  const textEnd = message.indexOf(0, nameEnd + 1);
  const decoder = new TextDecoder();
  return {
    name: decoder.decode(message.subarray(5, nameEnd)),
    text: decoder.decode(message.subarray(nameEnd + 1, textEnd)),
  };
}

export class EmbeddedQueryQueue {
  /**
   * Named prepared statements live in the one session, but each pg connection prepares its own (it knows
   * only what it prepared itself), so a second connection's Parse of the same name would fail with
   * "prepared statement already exists". A Parse of a name the session already holds with the same text
   * is answered here instead.
   */
  private prepared = new Map<string, string>();

  private queue: QueuedMessage[] = [];
  private processing = false;
  /** The connection the session belongs to until its exchange or transaction ends. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.queue = this.queue.filter((queued) => {
      if (queued.handlerId !== handlerId) return true;
      queued.reject(new Error('connection closed'));
      return false;
    });
  }

  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    await this.process();
  }

  private next(): QueuedMessage | undefined {
    if (this.owner === null) return this.queue.shift();
    const index = this.queue.findIndex((queued) => queued.handlerId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let queued = this.next(); queued; queued = this.next()) {
        const current = queued;
        const parse = namedParse(current.message);
        if (parse && this.prepared.get(parse.name) === parse.text) {
          current.onData(PARSE_COMPLETE);
          this.owner = current.handlerId;
          current.resolve(PARSE_COMPLETE.length);
          continue;
        }
        let bytes = 0;
        let parsed = false;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data: Uint8Array) => {
                parsed ||= data[0] === PARSE_COMPLETE[0];
                bytes += data.length;
                current.onData(data);
              },
            }),
          );
        } catch (error) {
          this.owner = null;
          current.reject(error as Error);
          continue;
        }
        if (parse && parsed) this.prepared.set(parse.name, parse.text);
        this.owner = endsExchange(current.message) && !this.db.isInTransaction() ? null : current.handlerId;
        current.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  }
}
