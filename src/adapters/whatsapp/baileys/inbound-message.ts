import {
  isJidBroadcast,
  isJidGroup,
  isJidNewsletter,
  isJidStatusBroadcast,
  isLidUser,
  isPnUser,
  jidDecode,
  jidNormalizedUser,
  normalizeMessageContent,
  type proto,
  type WAMessage,
} from '@whiskeysockets/baileys';

// What one Baileys message means for the bot: a one-to-one text from a user (typed, or a tapped list or
// button reply), or nothing. Groups, status updates, broadcasts, newsletters and our own messages are not
// conversations with a shopkeeper.

export interface BaileysInbound {
  /** The chat as WhatsApp addressed it (phone-number JID or LID), device suffix removed: replies go here. */
  chatJid: string;
  participant: string;
  messageId: string;
  text: string;
  phoneJid: string | null;
  lidJid: string | null;
}

export function readBaileysMessage(message: WAMessage): BaileysInbound | null {
  const { key } = message;
  const remote = key.remoteJid;
  if (!remote || !key.id || key.fromMe) return null;
  if (
    isJidGroup(remote) ||
    isJidStatusBroadcast(remote) ||
    isJidBroadcast(remote) ||
    isJidNewsletter(remote)
  ) {
    return null;
  }
  if (!isPnUser(remote) && !isLidUser(remote)) return null;
  const text = messageText(normalizeMessageContent(message.message));
  if (text === undefined) return null;
  const chatJid = jidNormalizedUser(remote);
  const alt = key.remoteJidAlt ? jidNormalizedUser(key.remoteJidAlt) : null;
  const pick = (test: (jid: string) => boolean | undefined) =>
    test(chatJid) ? chatJid : alt && test(alt) ? alt : null;
  return {
    chatJid,
    participant: key.participant ? jidNormalizedUser(key.participant) : '',
    messageId: key.id,
    text,
    phoneJid: pick(isPnUser),
    lidJid: pick(isLidUser),
  };
}

/** +919800000001 from 919800000001@s.whatsapp.net. */
export function phoneFromJid(jid: string | null | undefined): string | null {
  const user = jid ? jidDecode(jid)?.user : undefined;
  return user && /^\d{6,15}$/.test(user) ? `+${user}` : null;
}

function messageText(content: proto.IMessage | undefined): string | undefined {
  if (!content) return undefined;
  const candidates = [
    content.conversation,
    content.extendedTextMessage?.text,
    content.buttonsResponseMessage?.selectedDisplayText,
    content.buttonsResponseMessage?.selectedButtonId,
    content.listResponseMessage?.title,
    content.listResponseMessage?.singleSelectReply?.selectedRowId,
    content.templateButtonReplyMessage?.selectedDisplayText,
    content.templateButtonReplyMessage?.selectedId,
    content.interactiveResponseMessage?.body?.text,
  ];
  return candidates.find((text): text is string => typeof text === 'string' && text.trim().length > 0);
}
