import { describe, expect, it } from 'vitest';
import { decideAlerts, type ShopAlertInput } from '../../../../src/core/alerts/decide-alerts.js';
import { expiryRisk } from '../../../../src/core/inventory/expiry.js';

// 'Expiring soon': stock whose first batch expires before it can sell, once per item per day, in the
// morning slot, never in quiet hours or with alerts (or this kind) off.

const nowUtcMs = Date.parse('2026-11-24T04:00:00Z');
const milk = { productId: 'milk', expiresOn: '2026-11-27', daysToExpiry: 3, units: 18, expectedSales: 1.5 };

function input(overrides: Partial<ShopAlertInput> = {}): ShopAlertInput {
  return {
    localDate: '2026-11-24',
    localTime: '09:30',
    nowUtcMs,
    lastInboundAtUtcMs: nowUtcMs - 3_600_000,
    lowStock: [],
    festivals: [],
    priceSuggestions: [],
    expiring: [milk],
    salesLoggedToday: true,
    sent: [],
    ...overrides,
  };
}

describe('expiring-soon alerts', () => {
  it('lists the item once a day in the morning slot', () => {
    const [alert, ...rest] = decideAlerts(input());
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'expiring',
      productIds: ['milk'],
      dedupeKey: 'expiring:2026-11-24:milk',
      params: { items: [milk] },
    });
    const sent = [
      { kind: 'expiring' as const, localDate: '2026-11-24', productIds: ['milk'], dedupeKey: 'x' },
    ];
    expect(decideAlerts(input({ localTime: '10:30', sent }))).toEqual([]);
    expect(decideAlerts(input({ localTime: '15:00' }))).toEqual([]);
  });

  it('respects alerts off, the kind switched off and quiet hours', () => {
    expect(decideAlerts(input({ settings: { alertsOn: false } }))).toEqual([]);
    expect(decideAlerts(input({ settings: { kindsOff: ['expiring'] } }))).toEqual([]);
    expect(
      decideAlerts(
        input({
          localTime: '07:30',
          settings: { morningAt: '07:00', quietHours: { start: '21:30', end: '08:00' } },
        }),
      ),
    ).toEqual([]);
  });
});

describe('expiryRisk', () => {
  it('counts the days before the expiry day as selling days', () => {
    const risk = expiryRisk({
      today: '2026-11-24',
      batch: { expiresOn: '2026-11-28', remaining: 18 },
      stockOnHand: 30,
      dailyUnits: 2,
    });
    expect(risk).toEqual({
      expiresOn: '2026-11-28',
      daysToExpiry: 4,
      units: 18,
      expectedSales: 8,
      unsold: 10,
    });
  });

  it('trusts a stock count below the batch, and ignores expired or empty batches', () => {
    const batch = { expiresOn: '2026-11-28', remaining: 18 };
    expect(expiryRisk({ today: '2026-11-24', batch, stockOnHand: 5, dailyUnits: 2 })?.unsold).toBe(0);
    expect(expiryRisk({ today: '2026-11-29', batch, stockOnHand: 18, dailyUnits: 2 })).toBeNull();
    expect(expiryRisk({ today: '2026-11-24', batch, stockOnHand: 0, dailyUnits: 2 })).toBeNull();
  });
});
