import type { AlertKind, SentAlert } from '../../../core/alerts/types.js';
import type { Queryable } from '../pool.js';

// What the alerts job reads and writes: the shop's alert settings, where its owner chats, the alerts
// already sent (unique per shop and dedupe key, which is what makes a retried job send nothing twice).

export interface AlertShop {
  id: number;
  name: string;
  language: 'en' | 'hi' | 'hi-Latn';
  stateCode: string | null;
  timeZone: string;
  alertsEnabled: boolean;
  /** 'HH:MM' shop-local. */
  quietStart: string;
  quietEnd: string;
  minMarginBp: number;
}

export interface OwnerChat {
  channel: string;
  chatId: string;
  /** When the owner last wrote to us (the WhatsApp 24-hour window); null if never. */
  lastInboundAt: Date | null;
}

export interface NewAlertRecord {
  shopId: number;
  kind: AlertKind;
  dedupeKey: string;
  localDate: string;
  productKeys: readonly string[];
  festivalId?: string;
}

export function createAlertsRepository(db: Queryable) {
  return {
    async shop(shopId: number): Promise<AlertShop | undefined> {
      const result = await db.query<AlertShop>(
        `SELECT id, name, language, state_code AS "stateCode", time_zone AS "timeZone",
           alerts_enabled AS "alertsEnabled", to_char(quiet_start, 'HH24:MI') AS "quietStart",
           to_char(quiet_end, 'HH24:MI') AS "quietEnd", min_margin_bp AS "minMarginBp"
         FROM shops WHERE id = $1`,
        [shopId],
      );
      return result.rows[0];
    },

    /** The owner's chat: the one they last wrote from by `at`, else their number on the default channel. */
    async ownerChat(shopId: number, defaultChannel: string, at: Date): Promise<OwnerChat | undefined> {
      const result = await db.query<{
        phone: string;
        channel: string | null;
        chatId: string | null;
        at: Date | null;
      }>(
        `SELECT m.phone, i.channel, i.chat_id AS "chatId", i.received_at AS at
         FROM shop_members m
         LEFT JOIN LATERAL (SELECT channel, chat_id, received_at FROM inbound_messages
           WHERE (sender_phone = m.phone OR (sender_phone IS NULL AND chat_id = m.phone)) AND received_at <= $2
           ORDER BY id DESC LIMIT 1) i ON true
         WHERE m.shop_id = $1 AND m.role = 'owner' LIMIT 1`,
        [shopId, at],
      );
      const row = result.rows[0];
      if (!row) return undefined;
      return {
        channel: row.channel ?? defaultChannel,
        chatId: row.chatId ?? row.phone,
        lastInboundAt: row.at,
      };
    },

    async sentSince(shopId: number, fromDate: string): Promise<SentAlert[]> {
      const result = await db.query<{
        kind: AlertKind;
        localDate: string;
        productKeys: string[];
        festivalId: string | null;
        dedupeKey: string;
      }>(
        `SELECT kind, to_char(local_date, 'YYYY-MM-DD') AS "localDate", product_keys AS "productKeys",
           festival_id AS "festivalId", dedupe_key AS "dedupeKey"
         FROM alerts_sent WHERE shop_id = $1 AND local_date >= $2 ORDER BY id`,
        [shopId, fromDate],
      );
      return result.rows.map((row) => ({
        kind: row.kind,
        localDate: row.localDate,
        productIds: row.productKeys,
        dedupeKey: row.dedupeKey,
        ...(row.festivalId ? { festivalId: row.festivalId } : {}),
      }));
    },

    /** Records an alert; false when this shop already has one with the same dedupe key. */
    async record(alert: NewAlertRecord): Promise<number | undefined> {
      const result = await db.query<{ id: number }>(
        `INSERT INTO alerts_sent (shop_id, kind, dedupe_key, local_date, product_keys, festival_id)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (shop_id, dedupe_key) DO NOTHING RETURNING id`,
        [
          alert.shopId,
          alert.kind,
          alert.dedupeKey,
          alert.localDate,
          [...alert.productKeys],
          alert.festivalId ?? null,
        ],
      );
      return result.rows[0]?.id;
    },

    async linkOutbound(alertId: number, outboundMessageId: number): Promise<void> {
      await db.query('UPDATE alerts_sent SET outbound_message_id = $2 WHERE id = $1', [
        alertId,
        outboundMessageId,
      ]);
    },

    /** Outbound messages of this day's alerts still waiting to be sent (a job that died before publishing). */
    async queuedOutboundOn(shopId: number, localDate: string): Promise<number[]> {
      const result = await db.query<{ id: number }>(
        `SELECT o.id FROM alerts_sent a JOIN outbound_messages o ON o.id = a.outbound_message_id
         WHERE a.shop_id = $1 AND a.local_date = $2 AND o.status = 'queued' ORDER BY o.id`,
        [shopId, localDate],
      );
      return result.rows.map((row) => row.id);
    },
  };
}

export type AlertsRepository = ReturnType<typeof createAlertsRepository>;
