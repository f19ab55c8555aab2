import { describe, expect, it } from 'vitest';
import { decideAlerts, type ShopAlertInput } from '../../../../src/core/alerts/decide-alerts.js';

const HOUR = 3_600_000;
// 09:30 IST on Sunday 25 Oct 2026 is 04:00 UTC; Diwali is taken as 8 Nov (14 days later).
const nowUtcMs = Date.parse('2026-10-25T04:00:00Z');

function input(overrides: Partial<ShopAlertInput> = {}): ShopAlertInput {
  return {
    localDate: '2026-10-25',
    localTime: '09:30',
    nowUtcMs,
    lastInboundAtUtcMs: nowUtcMs - 2 * HOUR,
    lowStock: [
      { productId: 'milk', daysOfCover: 0.6, isLow: true, suggestedOrderUnits: 20 },
      { productId: 'atta', daysOfCover: 1.5, isLow: true, suggestedOrderUnits: 10 },
      { productId: 'salt', daysOfCover: 30, isLow: false, suggestedOrderUnits: 0 },
    ],
    festivals: [
      {
        id: 'diwali',
        date: '2026-11-08',
        restock: [
          { productId: 'lays', orderUnits: 36 },
          { productId: 'diya', orderUnits: 0 },
        ],
      },
      { id: 'chhath', date: '2026-11-13' },
    ],
    priceSuggestions: [],
    salesLoggedToday: true,
    sent: [],
    ...overrides,
  };
}

const kinds = (alerts: { kind: string }[]) => alerts.map((a) => a.kind);

describe('decideAlerts', () => {
  it('sends the morning festival restock and low-stock alerts, in the window without a template', () => {
    const alerts = decideAlerts(input());
    expect(kinds(alerts)).toEqual(['festival-restock', 'low-stock']);
    const festival = alerts[0]!;
    expect(festival.festivalId).toBe('diwali');
    expect(festival.productIds).toEqual(['lays']);
    expect(festival.params).toMatchObject({ daysBefore: 14, festivalDate: '2026-11-08' });
    expect(festival.dedupeKey).toBe('festival-restock:diwali:2026-11-08:d14');
    expect(alerts[1]!.productIds).toEqual(['atta', 'milk']);
    expect(alerts.every((a) => a.needsTemplate === false)).toBe(true);
  });

  it('fires festival restock exactly 14 and 7 days before, once each', () => {
    const day13 = decideAlerts(input({ localDate: '2026-10-26', lowStock: [] }));
    expect(day13).toEqual([]);
    const day7 = decideAlerts(input({ localDate: '2026-11-01', lowStock: [] }));
    expect(day7.map((a) => a.dedupeKey)).toEqual(['festival-restock:diwali:2026-11-08:d7']);
    const again = decideAlerts(
      input({
        localDate: '2026-11-01',
        localTime: '11:00',
        lowStock: [],
        sent: [{ kind: 'festival-restock', localDate: '2026-11-01', dedupeKey: day7[0]!.dedupeKey }],
      }),
    );
    expect(again).toEqual([]);
    // Chhath (13 Nov) is 7 days after 6 Nov.
    expect(decideAlerts(input({ localDate: '2026-11-06', lowStock: [] }))[0]?.festivalId).toBe('chhath');
  });

  it('sends one low-stock alert per item per day', () => {
    const alerts = decideAlerts(
      input({
        localTime: '10:45',
        festivals: [],
        sent: [
          {
            kind: 'low-stock',
            localDate: '2026-10-25',
            productIds: ['milk'],
            dedupeKey: 'low-stock:2026-10-25:milk',
          },
          {
            kind: 'low-stock',
            localDate: '2026-10-24',
            productIds: ['atta'],
            dedupeKey: 'low-stock:2026-10-24:atta',
          },
        ],
      }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.productIds).toEqual(['atta']);
    expect(alerts[0]!.dedupeKey).toBe('low-stock:2026-10-25:atta');
  });

  it('sends nothing in quiet hours or when alerts are off', () => {
    expect(decideAlerts(input({ localTime: '07:45' }))).toEqual([]);
    expect(decideAlerts(input({ localTime: '22:00', salesLoggedToday: false }))).toEqual([]);
    expect(decideAlerts(input({ settings: { alertsOn: false } }))).toEqual([]);
    expect(kinds(decideAlerts(input({ settings: { kindsOff: ['low-stock'] } })))).toEqual([
      'festival-restock',
    ]);
  });

  it('respects quiet hours the shop chose instead of the default', () => {
    const late = { morningAt: '06:00', quietHours: { start: '22:00', end: '06:00' } };
    expect(kinds(decideAlerts(input({ localTime: '06:30', settings: late })))).toEqual([
      'festival-restock',
      'low-stock',
    ]);
  });

  it('says a template is needed when the shop has been silent for a day', () => {
    const alerts = decideAlerts(input({ lastInboundAtUtcMs: nowUtcMs - 30 * HOUR }));
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.needsTemplate)).toBe(true);
  });

  it('reminds in the evening only when no sales were logged, before quiet hours', () => {
    const base = { localDate: '2026-10-26', festivals: [], lowStock: [] };
    expect(decideAlerts(input({ ...base, localTime: '20:15', salesLoggedToday: false }))).toMatchObject([
      { kind: 'no-sales-today', dedupeKey: 'no-sales-today:2026-10-26' },
    ]);
    expect(decideAlerts(input({ ...base, localTime: '20:15', salesLoggedToday: true }))).toEqual([]);
    expect(decideAlerts(input({ ...base, localTime: '21:35', salesLoggedToday: false }))).toEqual([]);
    expect(decideAlerts(input({ ...base, localTime: '14:00', salesLoggedToday: false }))).toEqual([]);
  });

  it('sends the weekly summary on Sunday evening only', () => {
    const sunday = decideAlerts(input({ localTime: '19:30', festivals: [], lowStock: [] }));
    expect(sunday).toMatchObject([
      { kind: 'weekly-summary', params: { weekStart: '2026-10-19', weekEnd: '2026-10-25' } },
    ]);
    expect(
      decideAlerts(input({ localDate: '2026-10-24', localTime: '19:30', festivals: [], lowStock: [] })),
    ).toEqual([]);
  });

  it('sends price alerts for confident, worthwhile moves and for clearance', () => {
    const alerts = decideAlerts(
      input({
        festivals: [],
        lowStock: [],
        priceSuggestions: [
          {
            productId: 'maggi',
            kind: 'raise',
            currentPricePaise: 1400,
            pricePaise: 1500,
            profitChangePaise: 2600,
            confidence: 'medium',
          },
          {
            productId: 'lays',
            kind: 'raise',
            currentPricePaise: 1800,
            pricePaise: 2000,
            profitChangePaise: 4000,
            confidence: 'low',
          },
          {
            productId: 'soap',
            kind: 'lower',
            currentPricePaise: 4000,
            pricePaise: 3900,
            profitChangePaise: 200,
            confidence: 'high',
          },
          {
            productId: 'bread',
            kind: 'clearance',
            currentPricePaise: 4000,
            pricePaise: 3300,
            profitChangePaise: -900,
            confidence: 'low',
          },
          {
            productId: 'salt',
            kind: 'keep',
            currentPricePaise: 2500,
            pricePaise: 2500,
            profitChangePaise: 0,
            confidence: 'high',
          },
        ],
      }),
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      kind: 'price',
      productIds: ['bread', 'maggi'],
      dedupeKey: 'price:2026-10-25:bread,maggi',
    });
  });
});
