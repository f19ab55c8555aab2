// Published festival dates for India, 2015-2026, as fixtures for the calendar test.
// Sources: the Government of India central holiday lists (Department of Personnel and Training office
// memoranda for each year) for Diwali, Holi, Raksha Bandhan (restricted list), Eid al-Fitr (Idu'l Fitr)
// and Ganesh Chaturthi (restricted list), cross-checked with drikpanchang-style panchang dates for New
// Delhi. `alternatives` holds a date some regional calendars or state lists kept instead (e.g. Kerala's
// Eid sighting a day earlier, Diwali 2024 on 1 November in parts of the south and west).

export interface PublishedDate {
  year: number;
  date: string;
  alternatives?: string[];
}

export const PUBLISHED: Record<string, PublishedDate[]> = {
  diwali: [
    { year: 2015, date: '2015-11-11' },
    { year: 2016, date: '2016-10-30' },
    { year: 2017, date: '2017-10-19' },
    { year: 2018, date: '2018-11-07' },
    { year: 2019, date: '2019-10-27' },
    { year: 2020, date: '2020-11-14' },
    { year: 2021, date: '2021-11-04' },
    { year: 2022, date: '2022-10-24' },
    { year: 2023, date: '2023-11-12' },
    { year: 2024, date: '2024-10-31', alternatives: ['2024-11-01'] },
    { year: 2025, date: '2025-10-20', alternatives: ['2025-10-21'] },
    { year: 2026, date: '2026-11-08' },
  ],
  holi: [
    { year: 2015, date: '2015-03-06' },
    { year: 2016, date: '2016-03-24' },
    { year: 2017, date: '2017-03-13' },
    { year: 2018, date: '2018-03-02' },
    { year: 2019, date: '2019-03-21' },
    { year: 2020, date: '2020-03-10' },
    { year: 2021, date: '2021-03-29' },
    { year: 2022, date: '2022-03-18' },
    { year: 2023, date: '2023-03-08' },
    { year: 2024, date: '2024-03-25' },
    { year: 2025, date: '2025-03-14' },
    { year: 2026, date: '2026-03-04', alternatives: ['2026-03-03'] },
  ],
  raksha_bandhan: [
    { year: 2015, date: '2015-08-29' },
    { year: 2016, date: '2016-08-18' },
    { year: 2017, date: '2017-08-07' },
    { year: 2018, date: '2018-08-26' },
    { year: 2019, date: '2019-08-15' },
    { year: 2020, date: '2020-08-03' },
    { year: 2021, date: '2021-08-22' },
    { year: 2022, date: '2022-08-11', alternatives: ['2022-08-12'] },
    { year: 2023, date: '2023-08-30', alternatives: ['2023-08-31'] },
    { year: 2024, date: '2024-08-19' },
    { year: 2025, date: '2025-08-09' },
    { year: 2026, date: '2026-08-28' },
  ],
  eid_al_fitr: [
    { year: 2015, date: '2015-07-18' },
    { year: 2016, date: '2016-07-07', alternatives: ['2016-07-06'] },
    { year: 2017, date: '2017-06-26' },
    { year: 2018, date: '2018-06-16', alternatives: ['2018-06-15'] },
    { year: 2019, date: '2019-06-05' },
    { year: 2020, date: '2020-05-25' },
    { year: 2021, date: '2021-05-14', alternatives: ['2021-05-13'] },
    { year: 2022, date: '2022-05-03' },
    { year: 2023, date: '2023-04-22', alternatives: ['2023-04-21'] },
    { year: 2024, date: '2024-04-11', alternatives: ['2024-04-10'] },
    { year: 2025, date: '2025-03-31' },
    { year: 2026, date: '2026-03-21', alternatives: ['2026-03-20'] },
  ],
  ganesh_chaturthi: [
    { year: 2015, date: '2015-09-17' },
    { year: 2016, date: '2016-09-05' },
    { year: 2017, date: '2017-08-25' },
    { year: 2018, date: '2018-09-13' },
    { year: 2019, date: '2019-09-02' },
    { year: 2020, date: '2020-08-22' },
    { year: 2021, date: '2021-09-10' },
    { year: 2022, date: '2022-08-31' },
    { year: 2023, date: '2023-09-19', alternatives: ['2023-09-18'] },
    { year: 2024, date: '2024-09-07' },
    { year: 2025, date: '2025-08-27' },
    { year: 2026, date: '2026-09-14' },
  ],
};
