import { type GraphErrorBody, graphSendError } from './graph-errors.js';

// The few Graph API calls the Cloud channel makes, over fetch. The base URL is configurable so tests (and
// a proxy) can stand in for graph.facebook.com.

export interface GraphApiOptions {
  baseUrl: string;
  phoneNumberId: string;
  accessToken: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface GraphApiClient {
  sendMessage(payload: Record<string, unknown>): Promise<{ messageId: string }>;
  uploadMedia(content: Buffer, mimeType: string, fileName: string): Promise<{ mediaId: string }>;
}

export function createGraphApiClient(options: GraphApiOptions): GraphApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? 15_000;

  async function call<T>(path: string, body: string | FormData, contentType?: string): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.accessToken}` };
    if (contentType) headers['content-type'] = contentType;
    let response: Response;
    try {
      response = await doFetch(`${base}/${options.phoneNumberId}/${path}`, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new Error(`Graph API unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = {};
    }
    if (!response.ok)
      throw graphSendError(response.status, parsed as GraphErrorBody, response.headers.get('retry-after'));
    return parsed as T;
  }

  return {
    async sendMessage(payload) {
      const answer = await call<{ messages?: Array<{ id?: string }> }>(
        'messages',
        JSON.stringify({ messaging_product: 'whatsapp', recipient_type: 'individual', ...payload }),
        'application/json',
      );
      const messageId = answer.messages?.[0]?.id;
      if (!messageId) throw new Error('Graph API accepted the message but returned no message id');
      return { messageId };
    },
    async uploadMedia(content, mimeType, fileName) {
      const form = new FormData();
      form.append('messaging_product', 'whatsapp');
      form.append('type', mimeType);
      form.append('file', new Blob([new Uint8Array(content)], { type: mimeType }), fileName);
      const answer = await call<{ id?: string }>('media', form);
      if (!answer.id) throw new Error('Graph API media upload returned no id');
      return { mediaId: answer.id };
    },
  };
}
