import { describe, expect, it } from 'vitest';
import {
  FESTIVALS,
  festivalById,
  festivalsBetween,
  INDIAN_STATES,
  isPayday,
  UPLIFT_CATEGORIES,
  upcomingFestivals,
} from '../../../../src/core/festivals/index.js';

const REQUIRED_IDS = [
  'diwali',
  'dhanteras',
  'bhai_dooj',
  'holi',
  'holika_dahan',
  'raksha_bandhan',
  'janmashtami',
  'ganesh_chaturthi',
  'navratri',
  'durga_puja',
  'dussehra',
  'karva_chauth',
  'chhath',
  'makar_sankranti',
  'pongal',
  'lohri',
  'onam',
  'eid_al_fitr',
  'eid_al_adha',
  'christmas',
  'new_year',
];

describe('festivalsBetween', () => {
  it('returns {id, name, date} sorted by date with English names', () => {
    const list = festivalsBetween(2025, 2026);
    expect(list.map((o) => o.date)).toEqual([...list.map((o) => o.date)].sort());
    expect(list[0]).toEqual({ id: 'new_year', name: "New Year's Day", date: '2025-01-01' });
    expect(list.find((o) => o.id === 'diwali' && o.date.startsWith('2025'))).toEqual({
      id: 'diwali',
      name: 'Diwali',
      date: '2025-10-20',
    });
  });

  it('rejects bad ranges', () => {
    expect(() => festivalsBetween(2026, 2025)).toThrow(/after/);
    expect(() => festivalsBetween(2025.5, 2026)).toThrow(/bad year/);
  });
});

describe('state filter', () => {
  const ids = (state: string) => new Set(festivalsBetween(2025, 2025, { state }).map((o) => o.id));

  it('gives each state its regional festivals and the national ones', () => {
    const wb = ids('WB');
    expect(wb.has('durga_puja')).toBe(true);
    expect(wb.has('diwali')).toBe(true);
    expect(wb.has('eid_al_fitr')).toBe(true);
    for (const other of ['onam', 'pongal', 'chhath', 'lohri', 'karva_chauth'])
      expect(wb.has(other)).toBe(false);
    expect(ids('KL').has('onam')).toBe(true);
    expect(ids('TN').has('pongal')).toBe(true);
    expect(ids('BR').has('chhath')).toBe(true);
    expect(ids('JH').has('chhath')).toBe(true);
    expect(ids('PB').has('lohri')).toBe(true);
    expect(ids('PB').has('karva_chauth')).toBe(true);
    expect(ids('TN').has('karva_chauth')).toBe(false);
  });

  it('accepts lower case and rejects unknown codes', () => {
    expect(ids('wb')).toEqual(ids('WB'));
    expect(() => festivalsBetween(2025, 2025, { state: 'XX' })).toThrow(/unknown Indian state/);
  });

  it('filters upcomingFestivals the same way', () => {
    const around = upcomingFestivals('2026-10-25', 25, { state: 'BR' }).map((o) => o.id);
    expect(around).toEqual(['dhanteras', 'diwali', 'bhai_dooj', 'chhath']);
  });
});

describe('upcomingFestivals', () => {
  it('includes both ends of the window and crosses a year boundary', () => {
    expect(upcomingFestivals('2026-11-08', 0).map((o) => o.id)).toEqual(['diwali']);
    expect(upcomingFestivals('2026-12-25', 7).map((o) => `${o.id} ${o.date}`)).toEqual([
      'christmas 2026-12-25',
      'new_year 2027-01-01',
    ]);
  });

  it('rejects malformed input', () => {
    expect(() => upcomingFestivals('2026-02-30', 3)).toThrow(/YYYY-MM-DD/);
    expect(() => upcomingFestivals('2026-02-01', -1)).toThrow(/days/);
  });
});

describe('isPayday', () => {
  it('is true on the 1st-7th of a month only', () => {
    expect(isPayday('2026-03-01')).toBe(true);
    expect(isPayday('2026-03-07')).toBe(true);
    expect(isPayday('2026-03-08')).toBe(false);
    expect(isPayday('2026-02-28')).toBe(false);
    expect(isPayday('2024-12-31')).toBe(false);
  });

  it('throws on a malformed date rather than answering false', () => {
    expect(() => isPayday('2026-3-1')).toThrow(RangeError);
    expect(() => isPayday('2026-02-30')).toThrow(RangeError);
  });
});

describe('festival metadata', () => {
  it('defines every required festival once, and every computed id has a definition', () => {
    const ids = FESTIVALS.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED_IDS) expect(festivalById(id), id).toBeDefined();
    for (const o of festivalsBetween(2015, 2035)) expect(festivalById(o.id), o.id).toBeDefined();
  });

  it('has every festival in every year of the table (Eids once or twice)', () => {
    const all = festivalsBetween(2015, 2035);
    for (let year = 2015; year <= 2035; year++) {
      for (const f of FESTIVALS) {
        const count = all.filter((o) => o.id === f.id && o.date.startsWith(`${year}-`)).length;
        if (f.kind === 'islamic') expect([1, 2], `${f.id} ${year}`).toContain(count);
        else expect(count, `${f.id} ${year}`).toBe(1);
      }
    }
  });

  it('has names in three registers, known states, positive windows and known categories', () => {
    for (const f of FESTIVALS) {
      expect(f.names.en.length, f.id).toBeGreaterThan(0);
      expect(f.names.hi, f.id).toMatch(/^[\u0900-\u097F\s-]+$/);
      expect(f.names['hi-Latn'], f.id).toMatch(/^[A-Za-z' -]+$/);
      expect(f.states.length, f.id).toBeGreaterThan(0);
      for (const s of f.states) expect(INDIAN_STATES, f.id).toContain(s);
      expect(f.buyingWindowDays, f.id).toBeGreaterThan(0);
      for (const [category, lift] of Object.entries(f.uplift)) {
        expect(UPLIFT_CATEGORIES, f.id).toContain(category);
        expect(lift, `${f.id} ${category}`).toBeGreaterThan(0);
      }
    }
  });

  it('carries the agreed windows and the Diwali lifts the simulator relies on', () => {
    expect(festivalById('diwali')?.buyingWindowDays).toBe(10);
    expect(festivalById('holi')?.buyingWindowDays).toBe(5);
    expect(festivalById('raksha_bandhan')?.buyingWindowDays).toBe(7);
    expect(festivalById('eid_al_fitr')?.buyingWindowDays).toBe(5);
    expect(festivalById('diwali')?.uplift).toMatchObject({ snacks: 1.5, personal_care: 1.2, household: 0.8 });
    expect(festivalById('pongal')?.states).toEqual(['TN', 'PY']);
    expect(festivalById('durga_puja')?.states).toEqual(['WB', 'AS', 'OD', 'TR']);
  });
});
