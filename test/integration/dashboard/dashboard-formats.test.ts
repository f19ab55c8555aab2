import { describe, expect, it } from 'vitest';
import { normalisePhone } from '../../../src/http/dashboard/login-routes.js';
import { formatDay, formatPercent, formatQuantity } from '../../../src/http/dashboard/page-context.js';
import { safeBack } from '../../../src/http/dashboard/session-cookie.js';
import { backtestSummary } from '../../../src/http/dashboard/views/quality-view.js';

// The small pure pieces the dashboard's pages and login lean on.

describe('dashboard formats', () => {
  it('reads the ways a shopkeeper writes an Indian mobile number', () => {
    expect(normalisePhone('+91 98765 43210')).toBe('+919876543210');
    expect(normalisePhone('98765-43210')).toBe('+919876543210');
    expect(normalisePhone('919876543210')).toBe('+919876543210');
    expect(normalisePhone('hello')).toBeUndefined();
    expect(normalisePhone('+0123')).toBeUndefined();
  });

  it('only goes back to dashboard paths of this site', () => {
    expect(safeBack('/dashboard/products/4?x=1')).toBe('/dashboard/products/4?x=1');
    for (const bad of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example',
      '/api/sim/messages',
      '/dashboard\\@evil',
    ]) {
      expect(safeBack(bad)).toBe('/dashboard');
    }
  });

  it('groups quantities the Indian way and marks changes', () => {
    expect(formatQuantity(1234567)).toBe('12,34,567');
    expect(formatQuantity(24.46)).toBe('24.5');
    expect(formatQuantity(0)).toBe('0');
    expect(formatPercent(12)).toBe('▲ 12%');
    expect(formatPercent(-3)).toBe('▼ 3%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatDay('2026-11-08', 'en')).toBe('8 Nov');
    expect(formatDay('2026-11-08', 'hi')).toMatch(/^8 नव/);
  });

  it('summarises a backtest by its numbers and its best-scoring model', () => {
    expect(
      backtestSummary({
        origins: ['2026-10-01'],
        wape: 0.31,
        scores: [
          { model: 'seasonal_naive', rmsse: 0.92, coverage: 0.71 },
          { model: 'global', rmsse: 0.74, coverage: 0.82 },
        ],
      }),
    ).toEqual({ wape: 0.31, 'best model': 'global', 'best rmsse': 0.74, 'best coverage': 0.82 });
    expect(backtestSummary({})).toEqual({});
    expect(backtestSummary(null)).toEqual({});
  });
});
