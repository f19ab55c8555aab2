import { productsFromTable } from '../define-product.js';

// Personal care: mostly branded, so shopkeepers name the brand (Colgate, Lux) rather than the item.
export const PERSONAL_CARE = productsFromTable(
  'personal_care',
  `
toothpaste | Toothpaste | टूथपेस्ट | manjan | piece | 55 | 58 | 0.2 | 48 | 730 | tooth paste, toothpast, tothpaste, colgate, colget, pepsodent, close up, closeup, dant kanti, dantkanti, sensodyne, paste, meswak, टूथ पेस्ट, मंजन, कोलगेट
toothbrush | Toothbrush | टूथब्रश | brush | piece | 25 | 25 | 0.25 | 48 | 1000 | tooth brush, brash, oral b
soap | Bath soap | साबुन | sabun | piece | 38 | 40 | 0.18 | 72 | 730 | saboon, lux, lifebuoy, lifeboy, dettol, dettol soap, santoor, santur, dove, pears, cinthol, hamam, medimix, soap, sop, लक्स, लाइफबॉय, सोप
shampoo | Shampoo | शैम्पू | shampoo | bottle | 160 | 170 | 0.22 | 24 | 730 | shampu, shampo, sampoo, head and shoulders, sunsilk, pantene, shampoo bottle, शैंपू, शेम्पू
shampoo_sachet | Shampoo sachet | शैम्पू पाउच | shampoo pouch | piece | 2 | 2 | 0.25 | 500 | 730 | shampoo sachet, sachet, pouch, clinic plus, chik
hair_oil | Hair oil | बालों का तेल | baal ka tel | bottle | 95 | 100 | 0.22 | 24 | 730 | parachute, coconut oil, nariyal tel, navratna, dabur amla, amla oil, keo karpin, bajaj almond, hair oil, sar ka tel, नारियल तेल, नारियल का तेल
face_cream | Face cream | फेस क्रीम | face cream | piece | 85 | 90 | 0.25 | 24 | 730 | fair and lovely, glow and lovely, ponds, boroplus, boro plus, nivea, vicco, cold cream, fairness cream
talcum_powder | Talcum powder | पाउडर | powder | piece | 120 | 130 | 0.22 | 24 | 730 | talc, pawder, talcum, ponds powder, cuticura
razor | Razor | रेज़र | razor | piece | 30 | 30 | 0.25 | 48 | 1000 | blade, blades, gillette, gillete, topaz, ब्लेड
shaving_cream | Shaving cream | शेविंग क्रीम | shaving cream | piece | 70 | 75 | 0.22 | 24 | 730 | shaving, shave cream
sanitary_pads | Sanitary pads | पैड | pad | packet | 40 | 45 | 0.2 | 24 | 1000 | whisper, stayfree, sofy, pads, sanitary napkin
diapers | Diapers | डायपर | diaper | packet | 199 | 215 | 0.18 | 12 | 1000 | pampers, huggies, mamy poko, mamypoko
handwash | Handwash | हैंडवॉश | handwash | bottle | 99 | 105 | 0.22 | 24 | 730 | hand wash, dettol handwash, lifebuoy handwash, savlon
deodorant | Deodorant | डियोड्रेंट | deo | bottle | 199 | 225 | 0.25 | 12 | 1000 | perfume, axe, fogg, wild stone, body spray
face_wash | Face wash | फेस वॉश | face wash | piece | 120 | 130 | 0.22 | 24 | 730 | facewash, himalaya face wash
vaseline | Vaseline | वैसलीन | vaseline | piece | 50 | 55 | 0.22 | 24 | 1000 | vasline, petroleum jelly, boroline, lip balm
hair_dye | Hair dye | हेयर डाई | hair colour | piece | 40 | 45 | 0.25 | 24 | 730 | godrej expert, kali mehndi, hair color, dye
kajal | Kajal | काजल | kajal | piece | 50 | 55 | 0.25 | 24 | 730 | kaajal, eyetex
sindoor | Sindoor | सिंदूर | sindoor | piece | 20 | 20 | 0.3 | 50 | 1000 | sindur, सिन्दूर
comb | Comb | कंघी | kanghi | piece | 20 | 20 | 0.3 | 48 | 1000 | kangi, kanga, comb
bindi | Bindi | बिंदी | bindi | packet | 10 | 10 | 0.3 | 50 | 1000 | bindiya, bindee
`,
);
