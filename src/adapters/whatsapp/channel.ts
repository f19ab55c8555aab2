import type { Hono } from 'hono';
import type { ChannelSender } from '../../app/ports.js';
import type { Config } from '../../config.js';
import { createSimulatorSender } from './simulator/simulator-sender.js';

/** A WhatsApp channel: how replies leave, plus what it needs to run (socket, webhook routes). */
export interface Channel {
  readonly name: Config['WHATSAPP_CHANNEL'];
  readonly sender: ChannelSender;
  /** Routes the web role mounts (webhooks, QR page). */
  routes?: Hono;
  /** Where the channel holds a connection (Baileys), only the whatsapp role sends. */
  readonly sendsFromWhatsappRole: boolean;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

export interface ChannelDeps {
  config: Config;
}

export function createChannel(deps: ChannelDeps): Channel {
  switch (deps.config.WHATSAPP_CHANNEL) {
    case 'simulator':
      return {
        name: 'simulator',
        sender: createSimulatorSender({ canSendImages: true }),
        sendsFromWhatsappRole: false,
      };
    case 'baileys':
    case 'cloud':
      throw new Error(
        `WHATSAPP_CHANNEL=${deps.config.WHATSAPP_CHANNEL} is not available in this build; use simulator`,
      );
  }
}
