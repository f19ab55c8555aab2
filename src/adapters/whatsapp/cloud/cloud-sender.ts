import type { ChannelSender, OutgoingMessage } from '../../../app/ports.js';
import type { GraphApiClient } from './graph-api-client.js';

const MAX_CAPTION = 1_024;

/** Cloud API chat ids are E.164 numbers; the API wants the digits only. */
export function cloudRecipient(chatId: string): string {
  return chatId.replace(/^\+/, '');
}

export function createCloudSender(client: GraphApiClient): ChannelSender {
  return {
    channel: 'cloud',
    canSendImages: true,
    async send(message: OutgoingMessage) {
      const to = cloudRecipient(message.chatId);
      if (message.template) {
        const { name, language, parameters } = message.template;
        const sent = await client.sendMessage({
          to,
          type: 'template',
          template: {
            name,
            language: { code: language },
            components:
              parameters.length > 0
                ? [{ type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) }]
                : [],
          },
        });
        return { providerMessageId: sent.messageId };
      }
      if (message.imagePng) {
        // Media goes up first; the message refers to it by id. A long text cannot be a caption, so it
        // follows the picture as its own message, and the text's id is the one recorded.
        const { mediaId } = await client.uploadMedia(message.imagePng, 'image/png', 'chart.png');
        const captioned = message.body.length <= MAX_CAPTION;
        const image = await client.sendMessage({
          to,
          type: 'image',
          image: captioned && message.body ? { id: mediaId, caption: message.body } : { id: mediaId },
        });
        if (captioned || !message.body) return { providerMessageId: image.messageId };
      }
      const text = await client.sendMessage({
        to,
        type: 'text',
        text: { body: message.body, preview_url: false },
      });
      return { providerMessageId: text.messageId };
    },
  };
}
