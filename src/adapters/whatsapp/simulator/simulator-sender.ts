import { randomUUID } from 'node:crypto';
import type { ChannelSender } from '../../../app/ports.js';

const PROVIDER_ID_PREFIX = 'sim-';

/**
 * The simulator "sends" by recording: the outbound row marked sent is what GET /api/sim/messages shows.
 * Images are kept when SIM_SEND_IMAGES is on, so chart replies can be tested without WhatsApp.
 */
export function createSimulatorSender(
  options: { canSendImages?: boolean; deliversOnRecord?: boolean } = {},
): ChannelSender {
  return {
    channel: 'simulator',
    canSendImages: options.canSendImages ?? true,
    ...(options.deliversOnRecord === false
      ? {}
      : { deliversOnRecord: { providerIdPrefix: PROVIDER_ID_PREFIX } }),
    async send() {
      return { providerMessageId: `${PROVIDER_ID_PREFIX}${randomUUID()}` };
    },
  };
}
