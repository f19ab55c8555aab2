import type { Queryable } from '../pool.js';

// Encrypted Baileys auth rows. The caller encrypts and decrypts; this module only moves bytes.

export interface AuthRowWrite {
  kind: string;
  keyId: string;
  /** Ciphertext, or null to delete the row. */
  value: Buffer | null;
}

export function createWhatsappAuthRowsRepository(db: Queryable) {
  return {
    async read(session: string, kind: string, keyIds: string[]): Promise<Map<string, Buffer>> {
      const result = await db.query<{ key_id: string; value: Buffer }>(
        `SELECT key_id, value FROM whatsapp_auth_state
         WHERE session = $1 AND kind = $2 AND key_id = ANY($3::text[])`,
        [session, kind, keyIds],
      );
      return new Map(result.rows.map((row) => [row.key_id, row.value]));
    },

    async write(session: string, rows: AuthRowWrite[]): Promise<void> {
      const upserts = rows.filter((row) => row.value !== null);
      const deletes = rows.filter((row) => row.value === null);
      if (upserts.length > 0) {
        await db.query(
          `INSERT INTO whatsapp_auth_state (session, kind, key_id, value)
           SELECT $1, kind, key_id, value FROM unnest($2::text[], $3::text[], $4::bytea[]) AS t(kind, key_id, value)
           ON CONFLICT (session, kind, key_id) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [
            session,
            upserts.map((row) => row.kind),
            upserts.map((row) => row.keyId),
            upserts.map((row) => row.value),
          ],
        );
      }
      if (deletes.length > 0) {
        await db.query(
          `DELETE FROM whatsapp_auth_state
           WHERE session = $1 AND (kind, key_id) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [session, deletes.map((row) => row.kind), deletes.map((row) => row.keyId)],
        );
      }
    },

    async clear(session: string): Promise<void> {
      await db.query('DELETE FROM whatsapp_auth_state WHERE session = $1', [session]);
    },
  };
}

export type WhatsappAuthRowsRepository = ReturnType<typeof createWhatsappAuthRowsRepository>;
