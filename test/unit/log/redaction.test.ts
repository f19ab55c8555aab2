import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, pseudonym } from '../../../src/log.js';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { lines, logger: createLogger({ level: 'info', format: 'json', destination }) };
}

describe('log redaction', () => {
  it('never writes phone numbers, message text or tokens in the clear', () => {
    const { lines, logger } = capture();
    logger.info({ phone: '+919812345678', text: 'aaj 18 maggi', token: 'secret-token' }, 'inbound');
    logger.info({ message: { from: '+919812345678', body: 'aaj 18 maggi' } }, 'nested');
    const output = lines.join('\n');
    expect(output).not.toContain('9812345678');
    expect(output).not.toContain('maggi');
    expect(output).not.toContain('secret-token');
    expect(output).toContain('[redacted]');
  });

  it('gives a stable pseudonym that does not contain the number', () => {
    expect(pseudonym('+919812345678')).toBe(pseudonym('+919812345678'));
    expect(pseudonym('+919812345678')).not.toBe(pseudonym('+919812345679'));
    expect(pseudonym('+919812345678')).not.toContain('98123');
  });
});
