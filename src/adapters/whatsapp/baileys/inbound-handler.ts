import type { BaileysEventMap } from '@whiskeysockets/baileys';
import { acceptUnlessFlooding, type FloodAwareDeps } from '../../../app/accept-unless-flooding.js';
import { logger, pseudonym } from '../../../log.js';
import type { Metrics } from '../../metrics/registry.js';
import { phoneFromJid, readBaileysMessage } from './inbound-message.js';
import { sleep } from './socket-lock.js';
import type { WhatsAppSocket } from './socket-port.js';

export interface BaileysInboundDeps extends FloodAwareDeps {
  metrics?: Metrics;
  /** Waits between tries when the queue is away; WhatsApp does not redeliver what it already handed us. */
  retryDelaysMs?: number[];
}

/**
 * Turns a messages.upsert event into inbound jobs. Only live messages ("notify") count: "append" is
 * history and our own sends. Replays after a reconnect carry the same key, and acceptInbound dedupes on
 * (chat, participant, message id), so each real message gives one job. A sender past its hard limit is
 * dropped (not retried: waiting would only stall everyone behind it) and told once to slow down.
 */
export function createBaileysInboundHandler(deps: BaileysInboundDeps) {
  const delays = deps.retryDelaysMs ?? [500, 2_000, 5_000, 15_000, 30_000];
  return async (event: BaileysEventMap['messages.upsert'], socket: WhatsAppSocket): Promise<void> => {
    if (event.type !== 'notify') return;
    for (const raw of event.messages) {
      const message = readBaileysMessage(raw);
      if (!message) continue;
      let phoneJid = message.phoneJid;
      if (!phoneJid && message.lidJid)
        phoneJid = await socket.phoneJidForLid(message.lidJid).catch(() => null);
      const delivery = {
        channel: 'baileys',
        chatId: message.chatJid,
        participant: message.participant,
        messageId: message.messageId,
        senderPhone: phoneFromJid(phoneJid),
        senderLid: message.lidJid,
        text: message.text,
      };
      for (let attempt = 0; ; attempt++) {
        try {
          const outcome = await acceptUnlessFlooding(deps, delivery);
          deps.metrics?.messagesIn.inc({ channel: 'baileys', outcome });
          break;
        } catch (error) {
          const wait = delays[attempt];
          if (wait === undefined) {
            deps.metrics?.messagesIn.inc({ channel: 'baileys', outcome: 'unavailable' });
            logger.error(
              { err: error, chat: pseudonym(message.chatJid), messageId: message.messageId },
              'WhatsApp message could not be queued and is lost',
            );
            break;
          }
          await sleep(wait);
        }
      }
    }
  };
}
