import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.js';

describe('loadConfig', () => {
  it('applies defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.WHATSAPP_CHANNEL).toBe('simulator');
    expect(config.QUEUE_PREFIX).toBe('billmitra');
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a URL/);
    expect(() => loadConfig({ WHATSAPP_CHANNEL: 'telegram' })).toThrow(/WHATSAPP_CHANNEL/);
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.map((p) => p.split(':')[0]).sort()).toEqual([
        'LOG_LEVEL',
        'PORT',
      ]);
    }
  });

  it('requires the Cloud API credentials only for the cloud channel', () => {
    expect(() => loadConfig({ WHATSAPP_CHANNEL: 'cloud' })).toThrow(/WHATSAPP_CLOUD_APP_SECRET: required/);
    expect(() => loadConfig({ WHATSAPP_CHANNEL: 'simulator' })).not.toThrow();
  });
});

describe('empty values', () => {
  it('treats an empty variable as unset', () => {
    const config = loadConfig({ PORT: '', OUTBOUND_RATE_PER_SECOND: '', DATABASE_URL: '' });
    expect(config.PORT).toBe(3000);
    expect(config.OUTBOUND_RATE_PER_SECOND).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });
});
