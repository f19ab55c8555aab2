import { html } from 'hono/html';
import type { PageContext } from '../page-context.js';
import { layout } from './layout.js';

export type LoginMessage =
  | 'code-sent'
  | 'bad-phone'
  | 'rate-limited'
  | 'wrong'
  | 'expired'
  | 'used'
  | 'no-code';

export interface LoginViewInput {
  step: 'phone' | 'code';
  phone?: string;
  next: string;
  message?: LoginMessage;
}

const ERRORS: ReadonlySet<LoginMessage> = new Set([
  'bad-phone',
  'rate-limited',
  'wrong',
  'expired',
  'used',
  'no-code',
]);

export function loginView(ctx: PageContext, input: LoginViewInput) {
  const message = input.message
    ? html`<p class="${ERRORS.has(input.message) ? 'error' : 'notice'}" role="status" data-login-message="${input.message}">
        ${ctx.t(`login.message.${input.message}`)}
      </p>`
    : '';
  const form =
    input.step === 'phone'
      ? html`<form class="stack" method="post" action="/dashboard/login">
          <input type="hidden" name="next" value="${input.next}" />
          <label for="phone">${ctx.t('login.phone_label')}</label>
          <input id="phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" required
            placeholder="+91 98XXXXXXXX" value="${input.phone ?? ''}" />
          <button class="primary" type="submit">${ctx.t('login.send_code')}</button>
        </form>`
      : html`<form class="stack" method="post" action="/dashboard/login/verify">
          <input type="hidden" name="next" value="${input.next}" />
          <input type="hidden" name="phone" value="${input.phone ?? ''}" />
          <label for="code">${ctx.t('login.code_label')}</label>
          <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9]{6}"
            maxlength="6" required />
          <button class="primary" type="submit">${ctx.t('login.verify')}</button>
          <a href="/dashboard/login?next=${encodeURIComponent(input.next)}">${ctx.t('login.other_number')}</a>
        </form>`;
  return layout(ctx, {
    title: ctx.t('login.title'),
    body: html`<p class="sub">${ctx.t('login.intro')}</p>
      ${message} ${form}
      <p class="sub"><a href="/dashboard/chat">${ctx.t('login.try_chat')}</a></p>`,
  });
}
