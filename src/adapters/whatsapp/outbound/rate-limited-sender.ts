import { type ChannelSender, RateLimitedSendError } from '../../../app/ports.js';
import type { SendRateLimiter } from './send-rate-limiter.js';

/** A rate-limit answer about one recipient (Cloud API 131056) must not hold the other chats. */
export class RecipientRateLimitedError extends RateLimitedSendError {
  override name = 'RecipientRateLimitedError';
}

/** Wraps a channel's sender so every send takes a slot of the global rate first. */
export function rateLimitedSender(sender: ChannelSender, limiter: SendRateLimiter): ChannelSender {
  return {
    channel: sender.channel,
    canSendImages: sender.canSendImages,
    async send(message) {
      await limiter.acquire();
      try {
        return await sender.send(message);
      } catch (error) {
        if (error instanceof RateLimitedSendError && !(error instanceof RecipientRateLimitedError)) {
          await limiter.holdFor(error.retryAfterMs ?? 1_000);
        }
        throw error;
      }
    },
  };
}
