import { createTranslator } from '../../../src/adapters/i18n/translator.js';
import { channelQueryable } from '../../../src/adapters/postgres/tenant-scope.js';
import type { JobPublisher } from '../../../src/adapters/queue/payloads.js';
import { acceptInbound } from '../../../src/app/accept-inbound.js';
import { handleInbound } from '../../../src/app/handle-inbound.js';
import { createResponder } from '../../../src/app/responder.js';
import { createBenchDatabase } from './bench-database.js';
import { countingPool } from './counting-pool.js';
import { cpuPerMessage, cpuSnapshot } from './cpu-usage.js';
import { createMessagePicker, type MessageKind, shopPhone } from './message-mix.js';

// tsx scripts/bench/pipeline/query-profile.ts [messages] [shops]
// Runs the bench's message mix through accept + handle in this process (no HTTP, no Redis) with every SQL
// statement counted, so the round trips each kind of message costs can be read before and after a change.
// Accepting is counted on its own line, with the Queryables the channels give it (channelQueryable, and
// the bare pool for the statements that scope themselves).

const messages = Number(process.argv[2] ?? 600);
const shops = Number(process.argv[3] ?? 50);

interface Tally {
  messages: number;
  queries: number;
  statements: Map<string, number>;
}

let current: Tally | undefined;
const count = (text: string) => {
  if (!current) return;
  current.queries += 1;
  const key = text.replace(/\s+/g, ' ').slice(0, 90);
  current.statements.set(key, (current.statements.get(key) ?? 0) + 1);
};

const database = await createBenchDatabase({ shops });
try {
  const pool = countingPool(database.pool, count);
  const queue: JobPublisher = { publish: async () => {} };
  const respond = createResponder({ translator: createTranslator() });
  const tallies = new Map<MessageKind, Tally>();
  const accepting: Tally = { messages: 0, queries: 0, statements: new Map() };
  const pick = createMessagePicker(11);
  let cpuBefore = await cpuSnapshot([process.pid], database.pool, database.name, undefined);
  for (let index = 0; index < messages; index++) {
    const message = pick();
    const tally = tallies.get(message.kind) ?? { messages: 0, queries: 0, statements: new Map() };
    tallies.set(message.kind, tally);
    current = index >= shops ? accepting : undefined;
    if (current) current.messages += 1;
    const accepted = await acceptInbound(
      { db: channelQueryable(pool), pool, queue },
      {
        channel: 'simulator',
        chatId: shopPhone(index % shops),
        messageId: `p-${index}`,
        senderPhone: shopPhone(index % shops),
        text: message.text,
      },
    );
    // Warm-up: each shop's first message builds its matcher; count from the second round on.
    current = index >= shops ? tally : undefined;
    if (index === shops)
      cpuBefore = await cpuSnapshot([process.pid], database.pool, database.name, undefined);
    if (current) current.messages += 1;
    await handleInbound({ pool, queue, respond, canSendImages: false }, accepted.inboundMessageId);
  }
  const cpuAfter = await cpuSnapshot([process.pid], database.pool, database.name, undefined);
  const cpu = cpuPerMessage(cpuBefore, cpuAfter, messages - shops);
  for (const [kind, tally] of [['accept', accepting] as const, ...tallies]) {
    console.log(
      `${kind}: ${tally.messages} messages, ${(tally.queries / tally.messages).toFixed(1)} queries each`,
    );
    const top = [...tally.statements].sort((a, b) => b[1] - a[1]).slice(0, 14);
    for (const [statement, n] of top) console.log(`  ${(n / tally.messages).toFixed(2)}  ${statement}`);
  }
  console.log(
    `CPU per message (accept + job, after each shop's first): app ${cpu.appMs.toFixed(2)} ms, ` +
      `PostgreSQL ${cpu.postgresMs.toFixed(2)} ms`,
  );
} finally {
  await database.drop();
}
