import { describe, expect, it } from 'vitest';
import { scheduledAt } from '../../../jobs/run-alerts.js';
import { roughAmount } from '../../../src/app/advice/advice-words.js';
import { supplierChatId } from '../../../src/app/advice/supplier-order.js';
import { shopMoment } from '../../../src/app/alerts/shop-clock.js';

describe('supplierChatId', () => {
  it('keeps E.164 numbers for the simulator and Cloud API chats', () => {
    expect(supplierChatId('+919999900000', '+919876543210')).toBe('+919876543210');
  });

  it('writes a Baileys JID on the owner’s server', () => {
    expect(supplierChatId('919999900000@s.whatsapp.net', '+919876543210')).toBe(
      '919876543210@s.whatsapp.net',
    );
  });
});

describe('scheduledAt', () => {
  const now = new Date('2025-10-06T05:00:00Z');

  it('is the moment a scheduler meant the job for (added time plus delay), not when a worker took it', () => {
    const job = { timestamp: Date.parse('2025-10-06T02:29:00Z'), opts: { delay: 60_000 } };
    expect(scheduledAt(job, now).toISOString()).toBe('2025-10-06T02:30:00.000Z');
  });

  it('falls back to the clock for a job without a timestamp', () => {
    expect(scheduledAt(undefined, now)).toBe(now);
  });
});

describe('roughAmount', () => {
  it('rounds from 10 up to whole numbers grouped the Indian way, below 10 to one decimal', () => {
    expect(roughAmount(123456.4)).toBe('1,23,456');
    expect(roughAmount(12.5)).toBe('13');
    expect(roughAmount(2.46)).toBe('2.5');
    expect(roughAmount(3)).toBe('3');
    expect(roughAmount(-1)).toBe('0');
  });
});

describe('shopMoment', () => {
  it('gives the shop-local day and time (India is UTC+5:30)', () => {
    expect(shopMoment(new Date('2025-10-05T18:45:00Z'), 'Asia/Kolkata')).toEqual({
      date: '2025-10-06',
      time: '00:15',
    });
  });
});
