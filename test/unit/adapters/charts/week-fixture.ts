// One shop week (Mon 16 - Sun 22 Nov 2026) of daily revenue; its total is ₹18,410.50 and Saturday is best.
export const WEEK_REVENUE: readonly { date: string; revenuePaise: number }[] = [
  { date: '2026-11-16', revenuePaise: 231_000 },
  { date: '2026-11-17', revenuePaise: 198_050 },
  { date: '2026-11-18', revenuePaise: 245_000 },
  { date: '2026-11-19', revenuePaise: 210_000 },
  { date: '2026-11-20', revenuePaise: 260_000 },
  { date: '2026-11-21', revenuePaise: 364_000 },
  { date: '2026-11-22', revenuePaise: 333_000 },
];
