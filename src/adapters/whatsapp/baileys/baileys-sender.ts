import type { ChannelSender } from '../../../app/ports.js';
import { ChannelUnavailableError, ProviderThrottledError } from '../outbound/rate-limited-sender.js';
import type { WhatsAppSocket } from './socket-port.js';

const RATE_LIMIT = /rate-overlimit|429/i;

export function createBaileysSender(openSocket: () => WhatsAppSocket | undefined): ChannelSender {
  return {
    channel: 'baileys',
    canSendImages: true,
    async send(message) {
      const socket = openSocket();
      if (!socket) throw new ChannelUnavailableError('WhatsApp socket is not open in this process', 5_000);
      try {
        const sent = await socket.sendMessage(
          message.chatId,
          message.imagePng ? { image: message.imagePng, caption: message.body } : { text: message.body },
        );
        return { providerMessageId: sent.id };
      } catch (error) {
        if (RATE_LIMIT.test((error as Error).message ?? '')) {
          throw new ProviderThrottledError(`WhatsApp rate limit: ${(error as Error).message}`, 5_000);
        }
        throw error;
      }
    },
  };
}
