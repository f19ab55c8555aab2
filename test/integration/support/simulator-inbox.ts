import type { Pool } from '../../../src/adapters/postgres/pool.js';
import type { JobPublisher, QueueName } from '../../../src/adapters/queue/payloads.js';
import { acceptInbound } from '../../../src/app/accept-inbound.js';

/**
 * Simulator messages accepted straight into a test database, with a queue that only records what was
 * published. Accepting clears that record, so a test sees only what the job it runs published.
 */
export function createSimulatorInbox(options: { pool: () => Pool; messageIdPrefix: string }) {
  let sequence = 0;
  const published: Array<{ queue: QueueName; payload: unknown }> = [];
  const queue: JobPublisher = {
    publish: async (name, payload) => {
      published.push({ queue: name, payload });
    },
  };
  return {
    queue,
    published,
    /** Accepts `text` from `chat` (its own sender) and returns the inbound message's id. */
    async accept(chat: string, text: string): Promise<number> {
      sequence += 1;
      const accepted = await acceptInbound(
        { db: options.pool(), queue },
        {
          channel: 'simulator',
          chatId: chat,
          senderPhone: chat,
          messageId: `${options.messageIdPrefix}-${sequence}`,
          text,
        },
      );
      published.length = 0;
      return accepted.inboundMessageId;
    },
  };
}
