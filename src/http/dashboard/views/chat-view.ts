import { html } from 'hono/html';
import { ASSET_PATHS } from '../asset-paths.js';
import type { PageContext } from '../page-context.js';
import { layout } from './layout.js';

// Try BillMitra in a browser: the page is a WhatsApp chat with the bot over the simulator channel. A
// logged-in member chats as their own number (so it is their shop); anyone else gets a fresh number.

export function chatView(ctx: PageContext) {
  return layout(ctx, {
    title: ctx.t('chat.title'),
    section: 'chat',
    scripts: [ASSET_PATHS.chat],
    body: html`<div data-chat>
      <p class="sub">${ctx.t('chat.intro')}</p>
      <label class="sub">${ctx.t('chat.number')}
        <input name="from" type="tel" value="${ctx.viewer?.phone ?? ''}" style="width:12em" />
      </label>
      <div class="chat-log" data-log aria-live="polite"></div>
      <p class="error" data-error hidden></p>
      <form class="chat-form">
        <input name="text" autocomplete="off" placeholder="${ctx.t('chat.placeholder')}" />
        <button class="primary" type="submit">${ctx.t('chat.send')}</button>
      </form>
    </div>`,
  });
}
