import { describe, expect, it } from 'vitest';
import { isInSlot, isWithin, minutesOf } from '../../../../src/core/alerts/alert-clock.js';
import { needsTemplate } from '../../../../src/core/alerts/whatsapp-window.js';

describe('alert clock', () => {
  it('reads HH:MM and rejects anything else', () => {
    expect(minutesOf('08:30')).toBe(510);
    expect(minutesOf('0:05')).toBe(5);
    expect(() => minutesOf('24:00')).toThrow();
    expect(() => minutesOf('8.30')).toThrow();
  });

  it('treats quiet hours 21:30-08:00 as wrapping midnight, end exclusive', () => {
    expect(isWithin('21:29', '21:30', '08:00')).toBe(false);
    expect(isWithin('21:30', '21:30', '08:00')).toBe(true);
    expect(isWithin('00:00', '21:30', '08:00')).toBe(true);
    expect(isWithin('07:59', '21:30', '08:00')).toBe(true);
    expect(isWithin('08:00', '21:30', '08:00')).toBe(false);
    expect(isWithin('13:00', '13:00', '15:00')).toBe(true);
    expect(isWithin('15:00', '13:00', '15:00')).toBe(false);
    expect(isWithin('10:00', '10:00', '10:00')).toBe(false);
  });

  it('keeps a slot within its hours and the same day', () => {
    expect(isInSlot('09:00', '09:00', 3)).toBe(true);
    expect(isInSlot('11:59', '09:00', 3)).toBe(true);
    expect(isInSlot('12:00', '09:00', 3)).toBe(false);
    expect(isInSlot('08:59', '09:00', 3)).toBe(false);
    expect(isInSlot('23:59', '22:00', 5)).toBe(true);
  });
});

describe('WhatsApp 24-hour window', () => {
  const now = Date.parse('2026-11-24T04:00:00Z');
  it('allows free-form messages within 24 hours of the last inbound message', () => {
    expect(needsTemplate(now, now - 23 * 3_600_000)).toBe(false);
  });
  it('needs a template after 24 hours or when the shop never wrote', () => {
    expect(needsTemplate(now, now - 24 * 3_600_000)).toBe(true);
    expect(needsTemplate(now, now - 25 * 3_600_000)).toBe(true);
    expect(needsTemplate(now, null)).toBe(true);
  });
});
