import { describe, expect, it } from 'vitest';
import { computeFestivalYear, festivalsBetween } from '../../../../src/core/festivals/index.js';
import { istDateOf } from '../../../../src/core/festivals/ist-time.js';
import { lunarMonthsForYear } from '../../../../src/core/festivals/lunar-months.js';

const dateOf = (year: number, id: string): string[] =>
  computeFestivalYear(year)
    .filter((o) => o.id === id)
    .map((o) => o.date);

describe('amanta months', () => {
  it('finds the adhik Shravana of 2023 and the adhik Jyeshtha of 2026, and none in 2024', () => {
    const adhik = (year: number) =>
      lunarMonthsForYear(year)
        .filter((m) => m.adhik && istDateOf(m.startMs).startsWith(`${year}-`))
        .map((m) => `${m.name} ${istDateOf(m.startMs)}`);
    expect(adhik(2023)).toEqual(['shravana 2023-07-18']);
    expect(adhik(2026)).toEqual(['jyeshtha 2026-05-17']);
    expect(adhik(2024)).toEqual([]);
  });

  it('keeps festivals out of the adhik month: Raksha Bandhan 2023 is the nija Shravana Purnima', () => {
    // The adhik Shravana Purnima fell on 1 August 2023; the festival was kept on 30 August.
    expect(dateOf(2023, 'raksha_bandhan')).toEqual(['2023-08-30']);
    expect(dateOf(2026, 'ganesh_chaturthi')).toEqual(['2026-09-14']);
  });

  it('gives a kshaya month both names, so Maha Shivratri 1983 still exists', () => {
    expect(dateOf(1983, 'maha_shivratri')).toHaveLength(1);
  });
});

describe('tithi rules', () => {
  it('puts Diwali 2026 on 8 November, the Amavasya evening, though the new moon is on 9 November IST', () => {
    const ashvin = lunarMonthsForYear(2026).find((m) => m.name === 'ashvin' && !m.adhik);
    expect(ashvin && istDateOf(ashvin.endMs)).toBe('2026-11-09');
    expect(dateOf(2026, 'diwali')).toEqual(['2026-11-08']);
  });

  it('moves Holika Dahan 2026 to the next evening because bhadra holds all night of 2 March', () => {
    expect(dateOf(2026, 'holika_dahan')).toEqual(['2026-03-03']);
    expect(dateOf(2022, 'holika_dahan')).toEqual(['2022-03-17']);
  });

  it('follows the Shravana-nakshatra exception for Dussehra (2019, 2022) and the aparahna otherwise', () => {
    expect(['2018', '2019', '2022', '2024'].map((y) => dateOf(Number(y), 'dussehra')[0])).toEqual([
      '2018-10-19',
      '2019-10-08',
      '2022-10-05',
      '2024-10-12',
    ]);
  });

  it('puts Dhanteras on the later day whenever Trayodashi reaches its pradosh at all', () => {
    expect([2015, 2016, 2022, 2024].map((y) => dateOf(y, 'dhanteras')[0])).toEqual([
      '2015-11-09',
      '2016-10-28',
      '2022-10-23',
      '2024-10-29',
    ]);
  });

  it('keeps the usual order and spacing around Diwali and Holi every year of the table', () => {
    const all = festivalsBetween(2015, 2035);
    for (let year = 2015; year <= 2035; year++) {
      const on = (id: string) => {
        const found = all.find((o) => o.id === id && o.date.startsWith(`${year}-`));
        if (!found) throw new Error(`${id} missing in ${year}`);
        return Date.parse(found.date) / 86_400_000;
      };
      const gap = (from: string, to: string, min: number, max: number) => {
        const days = on(to) - on(from);
        expect(days >= min && days <= max, `${from}..${to} ${year}: ${days} days`).toBe(true);
      };
      gap('holika_dahan', 'holi', 1, 1);
      gap('lohri', 'makar_sankranti', 1, 1);
      gap('dhanteras', 'diwali', 1, 3);
      gap('diwali', 'bhai_dooj', 1, 3);
      gap('diwali', 'chhath', 5, 8);
      gap('navratri', 'dussehra', 8, 10);
      gap('karva_chauth', 'diwali', 8, 12);
    }
  });
});

describe('years outside the table are computed', () => {
  it('matches published dates of 2012-2014', () => {
    const pick = (year: number, ids: string[]) =>
      festivalsBetween(year, year)
        .filter((o) => ids.includes(o.id))
        .map((o) => `${o.id} ${o.date}`);
    const ids = ['diwali', 'holi', 'raksha_bandhan', 'ganesh_chaturthi', 'eid_al_fitr'];
    expect(pick(2012, ids)).toEqual([
      'holi 2012-03-08',
      'raksha_bandhan 2012-08-02',
      'eid_al_fitr 2012-08-20',
      'ganesh_chaturthi 2012-09-19',
      'diwali 2012-11-13',
    ]);
    expect(pick(2014, ids)).toEqual([
      'holi 2014-03-17',
      'eid_al_fitr 2014-07-29',
      'raksha_bandhan 2014-08-10',
      'ganesh_chaturthi 2014-08-29',
      'diwali 2014-10-23',
    ]);
  });

  it('lists each festival once a year across the century, Eids once or twice (2033 has two Eid al-Fitr)', () => {
    for (const year of [1990, 2050, 2099]) {
      const ids = computeFestivalYear(year).map((o) => o.id);
      for (const id of ['diwali', 'holi', 'onam', 'pongal', 'chhath', 'janmashtami', 'christmas']) {
        expect(
          ids.filter((i) => i === id),
          `${id} ${year}`,
        ).toHaveLength(1);
      }
    }
    expect(dateOf(2033, 'eid_al_fitr')).toEqual(['2033-01-04', '2033-12-24']);
  });
});
