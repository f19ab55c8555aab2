import { readFileSync } from 'node:fs';
import type { BaileysEventMap } from '@whiskeysockets/baileys';
import { packagePath } from '../../../../src/package-path.js';

type Upsert = BaileysEventMap['messages.upsert'];

export interface RecordedUpserts {
  live: Upsert;
  history: Upsert;
  expected: Array<{
    messageId: string;
    chatId: string;
    senderPhone: string;
    senderLid: string | null;
    body: string;
  }>;
}

/** messages.upsert events as Baileys 7 emits them (PN- and LID-addressed chats, groups, status...). */
export function recordedUpserts(): RecordedUpserts {
  return JSON.parse(
    readFileSync(packagePath('test', 'fixtures', 'whatsapp', 'baileys-upserts.json'), 'utf8'),
  );
}
