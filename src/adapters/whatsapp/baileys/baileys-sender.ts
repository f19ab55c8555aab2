import { type ChannelSender, RateLimitedSendError } from '../../../app/ports.js';
import type { WhatsAppSocket } from './socket-port.js';

/**
 * Thrown when this process has no open socket (another process holds it, or it is reconnecting): the job
 * waits and runs again, on whichever process has the socket, without using up an attempt.
 */
export class SocketUnavailableError extends RateLimitedSendError {
  override name = 'SocketUnavailableError';
}

const RATE_LIMIT = /rate-overlimit|429/i;

export function createBaileysSender(openSocket: () => WhatsAppSocket | undefined): ChannelSender {
  return {
    channel: 'baileys',
    canSendImages: true,
    async send(message) {
      const socket = openSocket();
      if (!socket) throw new SocketUnavailableError('WhatsApp socket is not open in this process', 5_000);
      try {
        const sent = await socket.sendMessage(
          message.chatId,
          message.imagePng ? { image: message.imagePng, caption: message.body } : { text: message.body },
        );
        return { providerMessageId: sent.id };
      } catch (error) {
        if (RATE_LIMIT.test((error as Error).message ?? '')) {
          throw new RateLimitedSendError(`WhatsApp rate limit: ${(error as Error).message}`, 5_000);
        }
        throw error;
      }
    },
  };
}
