import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
} from '@whiskeysockets/baileys';
import { type Pool, withTransaction } from '../../postgres/pool.js';
import {
  type AuthRowWrite,
  createWhatsappAuthRowsRepository,
} from '../../postgres/repositories/whatsapp-auth-rows.js';
import type { AuthCipher } from './auth-crypto.js';

// Baileys' auth state kept in PostgreSQL instead of files: the creds document and every Signal key (pre
// keys, sessions, sender keys, app-state keys, LID mappings, device lists...) as encrypted rows. Creds are
// saved on every creds.update and keys on every set, each set in one transaction.

const CREDS_KIND = 'creds';

export interface PostgresAuthState {
  state: AuthenticationState;
  saveCreds(): Promise<void>;
  /** Forgets the login (after WhatsApp logged this device out). */
  clear(): Promise<void>;
}

export interface PostgresAuthStateOptions {
  pool: Pool;
  session: string;
  cipher: AuthCipher;
}

export async function loadPostgresAuthState(options: PostgresAuthStateOptions): Promise<PostgresAuthState> {
  const { pool, session, cipher } = options;
  const rows = createWhatsappAuthRowsRepository(pool);
  const context = (kind: string, keyId: string) => `${session}\u0000${kind}\u0000${keyId}`;
  const seal = (kind: string, keyId: string, value: unknown): Buffer =>
    cipher.encrypt(Buffer.from(JSON.stringify(value, BufferJSON.replacer), 'utf8'), context(kind, keyId));
  const open = (kind: string, keyId: string, sealed: Buffer): unknown =>
    JSON.parse(cipher.decrypt(sealed, context(kind, keyId)).toString('utf8'), BufferJSON.reviver);

  const stored = (await rows.read(session, CREDS_KIND, [''])).get('');
  const creds: AuthenticationCreds = stored
    ? (open(CREDS_KIND, '', stored) as AuthenticationCreds)
    : initAuthCreds();

  const state: AuthenticationState = {
    creds,
    keys: {
      async get<T extends keyof SignalDataTypeMap>(type: T, ids: string[]) {
        const found = await rows.read(session, type, ids);
        const result: { [id: string]: SignalDataTypeMap[T] } = {};
        for (const [id, sealed] of found) {
          let value = open(type, id, sealed);
          if (type === 'app-state-sync-key' && value) {
            value = proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
          }
          result[id] = value as SignalDataTypeMap[T];
        }
        return result;
      },
      async set(data: SignalDataSet) {
        const writes: AuthRowWrite[] = [];
        for (const [kind, entries] of Object.entries(data)) {
          for (const [keyId, value] of Object.entries(entries ?? {})) {
            writes.push({ kind, keyId, value: value ? seal(kind, keyId, value) : null });
          }
        }
        if (writes.length > 0) {
          await withTransaction(pool, (client) =>
            createWhatsappAuthRowsRepository(client).write(session, writes),
          );
        }
      },
      async clear() {
        await rows.clear(session);
      },
    },
  };

  return {
    state,
    async saveCreds() {
      await rows.write(session, [{ kind: CREDS_KIND, keyId: '', value: seal(CREDS_KIND, '', state.creds) }]);
    },
    async clear() {
      await rows.clear(session);
    },
  };
}
