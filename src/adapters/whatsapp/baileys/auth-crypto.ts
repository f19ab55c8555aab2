import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM for the Baileys auth state at rest. Each value gets a fresh 12-byte IV; the row's identity
// (session, kind, id) is authenticated data, so a ciphertext copied onto another row does not decrypt.
// Layout: version (1) | iv (12) | tag (16) | ciphertext.

const VERSION = 1;

export interface AuthCipher {
  encrypt(plaintext: Buffer, context: string): Buffer;
  decrypt(sealed: Buffer, context: string): Buffer;
}

/** Accepts the key as 64 hex characters or base64 of 32 bytes. */
export function parseAuthKey(value: string | undefined): Buffer {
  if (!value)
    throw new Error('WHATSAPP_AUTH_KEY is required for WHATSAPP_CHANNEL=baileys (32 bytes, hex or base64)');
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32)
    throw new Error('WHATSAPP_AUTH_KEY must be 32 bytes, given as 64 hex characters or base64');
  return key;
}

export function createAuthCipher(key: Buffer): AuthCipher {
  if (key.length !== 32) throw new Error('auth key must be 32 bytes');
  return {
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    decrypt(sealed, context) {
      if (sealed.length < 29 || sealed[0] !== VERSION) throw new Error('unknown auth state format');
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 13));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(sealed.subarray(13, 29));
      return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
    },
  };
}
