import { normaliseText } from './normalise.js';

// Festival names as typed in three scripts, mapped to the ids of the festival calendar.

const NAMES: Record<string, string[]> = {
  diwali: [
    'diwali',
    'deewali',
    'diwaali',
    'divali',
    'deepawali',
    'deepavali',
    'dipawali',
    'दिवाली',
    'दीवाली',
    'दीपावली',
  ],
  dhanteras: ['dhanteras', 'dhan teras', 'dhantrayodashi', 'धनतेरस'],
  bhai_dooj: ['bhai dooj', 'bhaidooj', 'bhai duj', 'bhaiya dooj', 'bhau beej', 'भाई दूज', 'भैया दूज'],
  holi: ['holi', 'hoil', 'होली'],
  holika_dahan: ['holika dahan', 'holika', 'chhoti holi', 'होलिका दहन', 'होलिका'],
  raksha_bandhan: [
    'raksha bandhan',
    'rakshabandhan',
    'raksha bandan',
    'rakhi',
    'rakhee',
    'रक्षाबंधन',
    'रक्षा बंधन',
    'राखी',
  ],
  janmashtami: ['janmashtami', 'janmastami', 'krishna janmashtami', 'gokulashtami', 'जन्माष्टमी'],
  ganesh_chaturthi: [
    'ganesh chaturthi',
    'ganesh chathurthi',
    'ganpati',
    'ganeshotsav',
    'vinayaka chaturthi',
    'गणेश चतुर्थी',
    'गणपति',
  ],
  navratri: ['navratri', 'navaratri', 'navratre', 'navratra', 'नवरात्रि', 'नवरात्र', 'नवरात्रे'],
  durga_puja: ['durga puja', 'durga pooja', 'pujo', 'दुर्गा पूजा'],
  dussehra: [
    'dussehra',
    'dusshera',
    'dussera',
    'dasara',
    'dashehra',
    'dasehra',
    'dussehre',
    'dashehre',
    'vijayadashami',
    'दशहरा',
    'दशहरे',
  ],
  karva_chauth: ['karva chauth', 'karwa chauth', 'karwachauth', 'karvachauth', 'करवा चौथ', 'करवाचौथ'],
  chhath: ['chhath', 'chhath puja', 'chath', 'छठ', 'छठ पूजा'],
  makar_sankranti: [
    'makar sankranti',
    'sankranti',
    'sakranti',
    'uttarayan',
    'khichdi parv',
    'मकर संक्रांति',
    'संक्रांति',
  ],
  pongal: ['pongal', 'पोंगल'],
  lohri: ['lohri', 'lohdi', 'लोहड़ी', 'लोहडी'],
  onam: ['onam', 'ओणम', 'ओनम'],
  eid_al_fitr: [
    'eid',
    'eid ul fitr',
    'eid al fitr',
    'meethi eid',
    'meethi id',
    'ramzan eid',
    'ramadan eid',
    'ईद',
    'मीठी ईद',
  ],
  eid_al_adha: [
    'bakrid',
    'bakri eid',
    'bakra eid',
    'eid al adha',
    'eid ul adha',
    'eid ul azha',
    'बकरीद',
    'बकरी ईद',
  ],
  christmas: ['christmas', 'xmas', 'x-mas', 'krismas', 'christmus', 'bada din', 'क्रिसमस'],
  new_year: ['new year', 'newyear', 'naya saal', 'naye saal', 'nav varsh', 'नया साल', 'नए साल', 'नववर्ष'],
};

/** Normalised phrase (space-separated words) -> festival id; phrases of up to three words. */
export const FESTIVAL_BY_PHRASE: ReadonlyMap<string, string> = new Map(
  Object.entries(NAMES).flatMap(([id, names]) =>
    names.map((name) => [normaliseText(name).replaceAll('-', ' '), id] as const),
  ),
);

export const FESTIVAL_IDS: readonly string[] = Object.keys(NAMES);
