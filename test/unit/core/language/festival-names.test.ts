import { describe, expect, it } from 'vitest';
import { FESTIVALS } from '../../../../src/core/festivals/index.js';
import { FESTIVAL_IDS } from '../../../../src/core/language/festival-names.js';
import { tokenise } from '../../../../src/core/language/tokenise.js';
import { findFestival } from '../../../../src/core/parse/festival.js';

const festival = (text: string): string | undefined => findFestival(tokenise(text))?.id;

describe('festival names', () => {
  it('knows a name for every festival in the calendar, and no other ids', () => {
    expect([...FESTIVAL_IDS].sort()).toEqual(FESTIVALS.map((definition) => definition.id).sort());
  });

  it.each([
    ['diwali pe', 'diwali'],
    ['दीपावली पर', 'diwali'],
    ['Deepavali', 'diwali'],
    ['holika dahan ke liye', 'holika_dahan'],
    ['होली', 'holi'],
    ['rakhi pe', 'raksha_bandhan'],
    ['for rakhi', 'raksha_bandhan'],
    ['shivratri ke liye', 'maha_shivratri'],
    ['गुरपुरब पर', 'guru_nanak_jayanti'],
    ['ram navami', 'ram_navami'],
    ['रक्षाबंधन', 'raksha_bandhan'],
    ['eid', 'eid_al_fitr'],
    ['ईद पर', 'eid_al_fitr'],
    ['bakrid', 'eid_al_adha'],
    ['बकरीद', 'eid_al_adha'],
    ['xmas', 'christmas'],
    ['naya saal', 'new_year'],
    ['नए साल पर', 'new_year'],
    ['karwa chauth', 'karva_chauth'],
    ['छठ पूजा', 'chhath'],
    ['ganpati', 'ganesh_chaturthi'],
    ['durga puja', 'durga_puja'],
    ['दशहरा', 'dussehra'],
    ['lohri', 'lohri'],
    ['ओणम', 'onam'],
    ['pongal', 'pongal'],
    ['sankranti', 'makar_sankranti'],
    ['janmashtami', 'janmashtami'],
    ['bhai dooj', 'bhai_dooj'],
    ['dhanteras', 'dhanteras'],
    ['navratri', 'navratri'],
  ])('%s is %s', (text, id) => {
    expect(festival(text)).toBe(id);
  });

  it('keeps rakhi a product when no postposition makes it the festival', () => {
    expect(festival('5 rakhi becha')).toBeUndefined();
    expect(festival('maggi 5')).toBeUndefined();
  });
});
