// How each product of a typical kirana shop sells: the demand side of the simulator. Prices here are the
// fallback when no catalog pricing is passed in; demand, elasticity and noise are always taken from here.

/** Demand groups: festivals and seasons lift whole groups, not single products. */
export type DemandGroup = 'staples' | 'dairy' | 'snacks' | 'personal_care' | 'household';

export interface ProductProfile {
  id: string;
  group: DemandGroup;
  /** Expected units on a plain weekday at the reference price, outside festivals and paydays. */
  baseDaily: number;
  /** Constant price elasticity of demand: units scale with (price / referencePrice) ** elasticity. */
  elasticity: number;
  /** Negative binomial dispersion: smaller means burstier sales. */
  dispersion: number;
  /** Fractional swing of the yearly cycle (0.7 means ±70%) and the day of year it peaks. */
  season?: { amplitude: number; peakDayOfYear: number };
  pricePaise: number;
  costPaise: number;
  mrpPaise: number;
}

// Fallback prices follow DEFAULT_CATALOG (per kg, litre, packet or piece). Margins run from about 13% on loose staples and milk to 30% on branded snacks, as kirana margins do.
export const PRODUCT_PROFILES: readonly ProductProfile[] = [
  {
    id: 'milk',
    group: 'dairy',
    baseDaily: 16,
    elasticity: -0.3,
    dispersion: 40,
    season: { amplitude: 0.08, peakDayOfYear: 15 },
    pricePaise: 6800,
    costPaise: 5900,
    mrpPaise: 6800,
  },
  {
    id: 'rice',
    group: 'staples',
    baseDaily: 12,
    elasticity: -0.5,
    dispersion: 40,
    pricePaise: 6000,
    costPaise: 5220,
    mrpPaise: 6500,
  },
  {
    id: 'wheat',
    group: 'staples',
    baseDaily: 8,
    elasticity: -0.4,
    dispersion: 40,
    pricePaise: 3500,
    costPaise: 3045,
    mrpPaise: 3800,
  },
  {
    id: 'oil',
    group: 'staples',
    baseDaily: 5,
    elasticity: -0.6,
    dispersion: 30,
    pricePaise: 15000,
    costPaise: 13050,
    mrpPaise: 16500,
  },
  {
    id: 'maggi',
    group: 'snacks',
    baseDaily: 15,
    elasticity: -1.2,
    dispersion: 25,
    pricePaise: 1400,
    costPaise: 1150,
    mrpPaise: 1500,
  },
  {
    id: 'kurkure',
    group: 'snacks',
    baseDaily: 10,
    elasticity: -1.5,
    dispersion: 25,
    pricePaise: 2000,
    costPaise: 1420,
    mrpPaise: 2000,
  },
  {
    id: 'lays',
    group: 'snacks',
    baseDaily: 12,
    elasticity: -1.5,
    dispersion: 25,
    pricePaise: 2000,
    costPaise: 1400,
    mrpPaise: 2000,
  },
  {
    id: 'biscuits',
    group: 'snacks',
    baseDaily: 20,
    elasticity: -1.0,
    dispersion: 25,
    pricePaise: 1000,
    costPaise: 800,
    mrpPaise: 1000,
  },
  {
    id: 'ice_cream',
    group: 'dairy',
    baseDaily: 6,
    elasticity: -1.8,
    dispersion: 15,
    season: { amplitude: 0.7, peakDayOfYear: 135 },
    pricePaise: 3000,
    costPaise: 2250,
    mrpPaise: 3000,
  },
  {
    id: 'toothpaste',
    group: 'personal_care',
    baseDaily: 3,
    elasticity: -0.8,
    dispersion: 20,
    pricePaise: 5500,
    costPaise: 4400,
    mrpPaise: 5800,
  },
  {
    id: 'soap',
    group: 'personal_care',
    baseDaily: 5,
    elasticity: -0.9,
    dispersion: 20,
    pricePaise: 3800,
    costPaise: 3116,
    mrpPaise: 4000,
  },
  {
    id: 'shampoo',
    group: 'personal_care',
    baseDaily: 2,
    elasticity: -1.0,
    dispersion: 20,
    pricePaise: 16000,
    costPaise: 12480,
    mrpPaise: 17000,
  },
  {
    id: 'detergent',
    group: 'household',
    baseDaily: 4,
    elasticity: -0.9,
    dispersion: 20,
    pricePaise: 12000,
    costPaise: 9840,
    mrpPaise: 13000,
  },
  {
    id: 'atta',
    group: 'staples',
    baseDaily: 14,
    elasticity: -0.4,
    dispersion: 40,
    pricePaise: 4800,
    costPaise: 4170,
    mrpPaise: 5000,
  },
  {
    id: 'bread',
    group: 'dairy',
    baseDaily: 10,
    elasticity: -0.5,
    dispersion: 30,
    pricePaise: 5000,
    costPaise: 4350,
    mrpPaise: 5000,
  },
];

/** Ground-truth elasticities by product id, for tests and the price-advice benchmark. */
export const PRODUCT_ELASTICITIES: Readonly<Record<string, number>> = Object.fromEntries(
  PRODUCT_PROFILES.map((profile) => [profile.id, profile.elasticity]),
);

export const MIN_MARGIN = 0.13;
export const MAX_MARGIN = 0.3;
