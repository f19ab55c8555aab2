import * as lexicon from './lexicon.js';

// Every keyword the parser knows: such words are never fuzzy-matched to a product or reported unknown.

const EXTRA =
  'kal kl parso yesterday tomorrow aaj today kitna kitne kitni kya check batao dikhao show left stock';

const KNOWN: ReadonlySet<string> = new Set<string>([
  ...Object.values(lexicon).flatMap((value) => (value instanceof Set ? [...(value as Set<string>)] : [])),
  ...EXTRA.split(' '),
  ...[
    'कल',
    'परसों',
    'परसो',
    'आज',
    'बताओ',
    'दिखाओ',
    'इस',
    'उस',
    'इसी',
    'हफ्ते',
    'हफ्ता',
    'सप्ताह',
    'महीने',
    'महीना',
    'दिन',
  ],
  ...['mahina', 'hafta', 'saptah', 'weeks', 'months', 'iss', 'uss', 'isi'],
]);

export function isKnownWord(word: string): boolean {
  return KNOWN.has(word);
}
