import type { AuthenticationState, BaileysEventMap, proto, WAMessageKey } from '@whiskeysockets/baileys';

// The slice of a Baileys socket the channel uses. The real one wraps makeWASocket; tests pass an event
// emitter that plays recorded events, so the connection logic is exercised without WhatsApp.

export type SocketEventName = 'connection.update' | 'creds.update' | 'messages.upsert';
export type SocketEvents = Pick<BaileysEventMap, SocketEventName>;

export type OutgoingContent = { text: string } | { image: Buffer; caption?: string };

export interface WhatsAppSocket {
  on<E extends SocketEventName>(event: E, listener: (data: SocketEvents[E]) => void): void;
  sendMessage(jid: string, content: OutgoingContent): Promise<{ id: string }>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** The phone-number JID Baileys has learned for a LID, if any. */
  phoneJidForLid(lid: string): Promise<string | null>;
  /** Closes the connection without logging out. */
  end(): void;
}

export interface SocketFactoryOptions {
  auth: AuthenticationState;
  getMessage(key: WAMessageKey): Promise<proto.IMessage | undefined>;
}

export type SocketFactory = (options: SocketFactoryOptions) => WhatsAppSocket | Promise<WhatsAppSocket>;
