import { type ChannelSender, RateLimitedSendError } from '../../../app/ports.js';
import type { SendRateLimiter } from './send-rate-limiter.js';

/** The provider asked every sender to slow down (HTTP 429, Cloud API 130429): all senders hold. */
export class ProviderThrottledError extends RateLimitedSendError {
  override name = 'ProviderThrottledError';
}

/** A rate-limit answer about one recipient (Cloud API 131056) must not hold the other chats. */
export class RecipientRateLimitedError extends RateLimitedSendError {
  override name = 'RecipientRateLimitedError';
}

/**
 * This process cannot send right now (another process holds the WhatsApp socket, or it is reconnecting):
 * the job waits and runs again, on whichever process can send, without using up an attempt.
 */
export class ChannelUnavailableError extends RateLimitedSendError {
  override name = 'ChannelUnavailableError';
}

export interface RateLimitedSenderOptions {
  limiter: SendRateLimiter;
  /** Checked before taking a slot, so a process that cannot send does not use up the shared rate. */
  canSendNow?: () => boolean;
}

/** Wraps a channel's sender so every send takes a slot of the global rate first. */
export function rateLimitedSender(sender: ChannelSender, options: RateLimitedSenderOptions): ChannelSender {
  const { limiter } = options;
  return {
    channel: sender.channel,
    canSendImages: sender.canSendImages,
    async send(message) {
      if (options.canSendNow && !options.canSendNow()) {
        throw new ChannelUnavailableError(`${sender.channel} cannot send from this process now`, 5_000);
      }
      const slot = await limiter.acquire();
      try {
        return await sender.send(message);
      } catch (error) {
        if (error instanceof ProviderThrottledError) await limiter.holdFor(error.retryAfterMs ?? 1_000);
        throw error;
      } finally {
        await limiter.release(slot);
      }
    },
  };
}
