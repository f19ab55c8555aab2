import { createHmac } from 'node:crypto';
import { CLOUD_ENV } from './channel-harness.js';

/** A webhook body as Meta sends it, around one change value for our number. */
export function webhookBody(value: Record<string, unknown>): Buffer {
  return Buffer.from(
    JSON.stringify({
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '0',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { phone_number_id: CLOUD_ENV.WHATSAPP_CLOUD_PHONE_NUMBER_ID },
                ...value,
              },
            },
          ],
        },
      ],
    }),
  );
}

/** The X-Hub-Signature-256 header Meta sends for these bytes. */
export function sign(body: Buffer | string, secret: string = CLOUD_ENV.WHATSAPP_CLOUD_APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
