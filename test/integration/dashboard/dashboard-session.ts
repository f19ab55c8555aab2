import type { RunningBillMitra } from '../../../src/main.js';
import { simConversation, waitFor } from '../support/app.js';

// Logging in the way an owner does: ask for a code, read it from the WhatsApp (simulator) conversation,
// type it back. Returns the session cookie to send with later requests.

let nextAddress = 1;
/** A fresh client address per call, so the per-address limits of one test do not spill into the next. */
export function freshAddress(): string {
  nextAddress += 1;
  return `198.51.${Math.floor(nextAddress / 250) % 250}.${nextAddress % 250}`;
}

export function form(fields: Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  };
}

export async function requestCode(
  app: RunningBillMitra,
  phone: string,
  ip = freshAddress(),
): Promise<Response> {
  return app.app!.request('/dashboard/login', form({ phone }, { 'x-forwarded-for': ip }));
}

/** The newest login code the simulator conversation of `phone` shows, after `afterCount` messages. */
export async function codeFromConversation(
  app: RunningBillMitra,
  phone: string,
  afterCount = 0,
): Promise<string> {
  return waitFor(
    async () => {
      const messages = (await simConversation(app, phone)).filter((m) => m.direction === 'out');
      const match = messages
        .slice(afterCount)
        .map((m) => /\*(\d{6})\*/.exec(m.text)?.[1])
        .filter(Boolean)
        .at(-1);
      return match;
    },
    { what: 'login code in the simulator conversation' },
  );
}

export async function outCount(app: RunningBillMitra, phone: string): Promise<number> {
  return (await simConversation(app, phone)).filter((m) => m.direction === 'out').length;
}

export function sessionCookie(response: Response): string | undefined {
  const header = response.headers.get('set-cookie') ?? '';
  return /bm_session=([^;]+)/.exec(header)?.[1];
}

export async function verify(app: RunningBillMitra, phone: string, code: string, ip = freshAddress()) {
  return app.app!.request('/dashboard/login/verify', form({ phone, code }, { 'x-forwarded-for': ip }));
}

export async function logIn(app: RunningBillMitra, phone: string): Promise<string> {
  const before = await outCount(app, phone);
  const asked = await requestCode(app, phone);
  if (asked.status !== 200) throw new Error(`code request answered ${asked.status}`);
  const code = await codeFromConversation(app, phone, before);
  const response = await verify(app, phone, code);
  const cookie = sessionCookie(response);
  if (response.status !== 303 || !cookie) throw new Error(`login answered ${response.status}`);
  return `bm_session=${cookie}`;
}

export function get(app: RunningBillMitra, path: string, cookie?: string): Promise<Response> {
  return Promise.resolve(app.app!.request(path, cookie ? { headers: { cookie } } : {}));
}
