// The parts of a WhatsApp Cloud API webhook the bot uses: user messages it can read as text, and the
// delivery statuses of what it sent. Everything else in the payload is ignored.

export interface CloudInboundMessage {
  messageId: string;
  /** E.164, e.g. +919800000001 (Cloud API gives the digits only). */
  from: string;
  text: string;
}

export interface CloudStatusUpdate {
  providerMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  errorCode?: number;
  errorTitle?: string;
}

export interface CloudWebhookContent {
  messages: CloudInboundMessage[];
  statuses: CloudStatusUpdate[];
  /** Messages of a kind the bot does not read (images, audio...), counted for metrics. */
  unsupported: number;
}

type Json = Record<string, unknown>;

const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export function readCloudWebhook(payload: unknown, phoneNumberId: string): CloudWebhookContent {
  const content: CloudWebhookContent = { messages: [], statuses: [], unsupported: 0 };
  const root = asObject(payload);
  if (root?.object !== 'whatsapp_business_account') return content;
  for (const entry of asArray(root.entry)) {
    for (const change of asArray(asObject(entry)?.changes)) {
      const value = asObject(asObject(change)?.value);
      // One app can serve several numbers; only this number's traffic is ours.
      if (!value || asString(asObject(value.metadata)?.phone_number_id) !== phoneNumberId) continue;
      for (const raw of asArray(value.messages)) {
        const message = asObject(raw);
        const messageId = asString(message?.id);
        const from = asString(message?.from);
        if (!message || !messageId || !from || !/^\d{6,15}$/.test(from)) continue;
        const text = messageText(message);
        if (text === undefined) content.unsupported += 1;
        else content.messages.push({ messageId, from: `+${from}`, text });
      }
      for (const raw of asArray(value.statuses)) {
        const status = asObject(raw);
        const id = asString(status?.id);
        const state = asString(status?.status);
        if (!id || (state !== 'sent' && state !== 'delivered' && state !== 'read' && state !== 'failed'))
          continue;
        const error = asObject(asArray(status?.errors)[0]);
        content.statuses.push({
          providerMessageId: id,
          status: state,
          ...(typeof error?.code === 'number' ? { errorCode: error.code } : {}),
          ...(asString(error?.title) ? { errorTitle: asString(error?.title) } : {}),
        });
      }
    }
  }
  return content;
}

function messageText(message: Json): string | undefined {
  switch (message.type) {
    case 'text':
      return nonEmpty(asString(asObject(message.text)?.body));
    case 'button':
      return nonEmpty(asString(asObject(message.button)?.text));
    case 'interactive': {
      const interactive = asObject(message.interactive);
      const reply = asObject(interactive?.button_reply) ?? asObject(interactive?.list_reply);
      return nonEmpty(asString(reply?.title) ?? asString(reply?.id));
    }
    default:
      return undefined;
  }
}

function nonEmpty(text: string | undefined): string | undefined {
  return text && text.trim().length > 0 ? text : undefined;
}
