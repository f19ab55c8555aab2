import { daysBetween } from './calendar-days.js';
import type { DemandGroup } from './product-profiles.js';

// What each festival does to each demand group. Shoppers buy ahead, so windows mostly lead the festival
// day. Ids follow src/core/festivals; an id not listed here lifts nothing; Dhanteras sits
// inside the Diwali week and needs no entry of its own.

export interface FestivalEffect {
  /** Window relative to the festival day, inclusive: -6..0 is the week ending on the festival. */
  fromOffset: number;
  toOffset: number;
  lift: Partial<Record<DemandGroup, number>>;
}

export interface FestivalDay {
  id: string;
  date: string;
}

export const FESTIVAL_EFFECTS: Readonly<Record<string, FestivalEffect>> = {
  diwali: {
    fromOffset: -6,
    toOffset: 0,
    lift: { snacks: 2.5, personal_care: 2.2, household: 1.8, dairy: 1.5, staples: 1.45 },
  },
  holi: {
    fromOffset: -3,
    toOffset: 0,
    lift: { snacks: 1.6, dairy: 1.4, staples: 1.15, personal_care: 1.2, household: 1.1 },
  },
  raksha_bandhan: { fromOffset: -2, toOffset: 0, lift: { snacks: 1.4, dairy: 1.3, personal_care: 1.1 } },
  eid_al_fitr: {
    fromOffset: -3,
    toOffset: 0,
    lift: { dairy: 1.6, staples: 1.4, snacks: 1.3, personal_care: 1.3, household: 1.1 },
  },
  eid_al_adha: { fromOffset: -2, toOffset: 0, lift: { staples: 1.3, dairy: 1.2, snacks: 1.15 } },
  dussehra: {
    fromOffset: -2,
    toOffset: 0,
    lift: { snacks: 1.3, dairy: 1.15, staples: 1.15, personal_care: 1.1 },
  },
  durga_puja: { fromOffset: 0, toOffset: 4, lift: { snacks: 1.3, dairy: 1.2 } },
  navratri: { fromOffset: 0, toOffset: 8, lift: { dairy: 1.2, staples: 1.1 } },
  ganesh_chaturthi: { fromOffset: -2, toOffset: 1, lift: { snacks: 1.3, dairy: 1.3, staples: 1.1 } },
  janmashtami: { fromOffset: -1, toOffset: 0, lift: { dairy: 1.5, snacks: 1.1 } },
  karva_chauth: { fromOffset: -1, toOffset: 0, lift: { personal_care: 1.25, dairy: 1.1 } },
  chhath: { fromOffset: -3, toOffset: 0, lift: { staples: 1.3, dairy: 1.3 } },
  makar_sankranti: { fromOffset: -2, toOffset: 0, lift: { staples: 1.2, snacks: 1.1 } },
  pongal: { fromOffset: -2, toOffset: 0, lift: { staples: 1.4, dairy: 1.3 } },
  lohri: { fromOffset: -1, toOffset: 0, lift: { snacks: 1.2 } },
  onam: { fromOffset: -3, toOffset: 0, lift: { staples: 1.3, dairy: 1.2, snacks: 1.15 } },
  bhai_dooj: { fromOffset: 0, toOffset: 0, lift: { snacks: 1.3, dairy: 1.2 } },
  maha_shivratri: { fromOffset: -1, toOffset: 0, lift: { dairy: 1.4 } },
  ram_navami: { fromOffset: -1, toOffset: 0, lift: { staples: 1.1, dairy: 1.1 } },
  guru_nanak_jayanti: { fromOffset: -1, toOffset: 0, lift: { dairy: 1.15, staples: 1.1 } },
  christmas: { fromOffset: -2, toOffset: 0, lift: { snacks: 1.2, dairy: 1.1 } },
  new_year: { fromOffset: -1, toOffset: 0, lift: { snacks: 1.3, dairy: 1.1 } },
};

/**
 * The festival multiplier for one group on one day. Overlapping windows (Dhanteras inside the Diwali
 * week) take the strongest lift rather than the product, so Diwali week stays at its stated size.
 */
export function festivalLift(date: string, group: DemandGroup, festivals: readonly FestivalDay[]): number {
  let lift = 1;
  for (const festival of festivals) {
    const effect = FESTIVAL_EFFECTS[festival.id];
    if (!effect) continue;
    const offset = daysBetween(festival.date, date);
    if (offset < effect.fromOffset || offset > effect.toOffset) continue;
    lift = Math.max(lift, effect.lift[group] ?? 1);
  }
  return lift;
}

/** The festivals whose window could touch [startDate, endDate], so the daily loop scans a short list. */
export function festivalsNear(
  festivals: readonly FestivalDay[],
  startDate: string,
  endDate: string,
): FestivalDay[] {
  return festivals.filter((festival) => {
    const effect = FESTIVAL_EFFECTS[festival.id];
    if (!effect) return false;
    return (
      daysBetween(startDate, festival.date) + effect.toOffset >= 0 &&
      daysBetween(festival.date, endDate) - effect.fromOffset >= 0
    );
  });
}
