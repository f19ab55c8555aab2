import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { startBillMitra } from '../main.js';
import { ALL_ROLES } from '../runtime/processors.js';
import { loadConfigOrExit } from './config-loading.js';

type Fetcher = (path: string, init?: RequestInit) => Promise<Response>;
interface SimMessage {
  id: string;
  direction: 'in' | 'out';
  text: string;
}

async function conversation(fetcher: Fetcher, from: string): Promise<SimMessage[]> {
  const response = await fetcher(`/api/sim/messages?chat=${encodeURIComponent(from)}`);
  if (!response.ok) throw new Error(`GET /api/sim/messages answered ${response.status}`);
  return ((await response.json()) as { messages: SimMessage[] }).messages;
}

/** Waits for the bot's replies: returns once a reply arrived and nothing more came for a moment. */
async function awaitReplies(fetcher: Fetcher, from: string, seen: Set<string>, timeoutMs: number) {
  const started = Date.now();
  let lastNewAt = 0;
  const replies: SimMessage[] = [];
  while (Date.now() - started < timeoutMs) {
    for (const message of await conversation(fetcher, from)) {
      if (seen.has(message.id)) continue;
      seen.add(message.id);
      if (message.direction === 'out') {
        replies.push(message);
        lastNewAt = Date.now();
      }
    }
    if (lastNewAt > 0 && Date.now() - lastNewAt > 700) break;
    await new Promise((resolveWait) => setTimeout(resolveWait, 150));
  }
  return replies;
}

export function register(program: Command): void {
  program
    .command('chat')
    .description('Chat with the bot in the terminal through the real pipeline (simulator channel)')
    .option('--from <phone>', 'your phone number (E.164)', '+919800000001')
    .option('--url <url>', 'talk to a running BillMitra at this URL instead of starting one in this process')
    .action(async (options: { from: string; url?: string }) => {
      let fetcher: Fetcher;
      let stop = async () => {};
      if (options.url) {
        const base = options.url.replace(/\/$/, '');
        fetcher = (path, init) => fetch(`${base}${path}`, init);
      } else {
        const config = loadConfigOrExit({
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
        });
        const running = await startBillMitra({ config, roles: new Set(ALL_ROLES) });
        const app = running.app;
        if (!app) throw new Error('the web role did not start');
        fetcher = async (path, init) => app.request(path, init);
        stop = running.stop;
      }
      const seen = new Set((await conversation(fetcher, options.from)).map((message) => message.id));
      const terminal = createInterface({
        input: process.stdin,
        output: process.stdout,
        terminal: process.stdin.isTTY,
      });
      process.stdout.write(`Chatting as ${options.from}. Type a message; Ctrl-D to quit.\n`);
      try {
        for await (const line of terminal) {
          const text = line.trim();
          if (!text) continue;
          const response = await fetcher('/api/sim/messages', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ from: options.from, text }),
          });
          if (response.status !== 202) {
            process.stdout.write(`! ${response.status} ${await response.text()}\n`);
            continue;
          }
          const { id } = (await response.json()) as { id: string };
          seen.add(id);
          const replies = await awaitReplies(fetcher, options.from, seen, 30_000);
          if (replies.length === 0) process.stdout.write('! no reply within 30 s\n');
          for (const reply of replies) process.stdout.write(`🤖 ${reply.text.replaceAll('\n', '\n   ')}\n`);
        }
      } finally {
        terminal.close();
        await stop();
      }
    });
}
