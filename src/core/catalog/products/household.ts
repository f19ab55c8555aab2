import { productsFromTable } from '../define-product.js';

// Cleaning and home needs: non-perishable, bought in cartons, moved steadily all year.
export const HOUSEHOLD = productsFromTable(
  'household',
  `
detergent | Detergent powder | सर्फ़ | surf | packet | 120 | 130 | 0.18 | 24 | 730 | surf excel, surfexcel, sarf, tide, ariel, wheel, rin powder, ghadi, ghari, nirma, detergent powder, washing powder, detergent, सर्फ एक्सेल, वाशिंग पाउडर
detergent_bar | Detergent bar | कपड़े धोने का साबुन | kapde ka sabun | piece | 12 | 12 | 0.2 | 100 | 730 | rin, rin bar, rin sabun, wheel bar, nirma bar, detergent bar, washing soap, kapde dhone ka sabun
dishwash_bar | Dishwash bar | बर्तन साबुन | bartan sabun | piece | 10 | 10 | 0.2 | 100 | 730 | vim, vim bar, exo, bartan ka sabun, dish bar, बर्तन का साबुन, विम
dishwash_liquid | Dishwash liquid | बर्तन धोने का लिक्विड | vim liquid | bottle | 99 | 105 | 0.22 | 24 | 730 | pril, vim gel, dish wash liquid, dishwash gel, liquid vim
floor_cleaner | Floor cleaner | फ्लोर क्लीनर | pocha liquid | bottle | 99 | 105 | 0.22 | 24 | 730 | lizol, lyzol, floor cleaner, pochha
toilet_cleaner | Toilet cleaner | टॉयलेट क्लीनर | harpic | bottle | 95 | 99 | 0.22 | 24 | 730 | harpik, toilet cleaner, domex, हार्पिक
phenyl | Phenyl | फिनाइल | phenyl | bottle | 60 | 65 | 0.25 | 24 | 730 | phenol, finyl, fenyl, phinyl, phenyle, फिनायल
matchbox | Matchbox | माचिस | machis | piece | 2 | 2 | 0.25 | 100 | 1000 | maachis, match box, matches, matchbox
candles | Candles | मोमबत्ती | mombatti | packet | 30 | 30 | 0.25 | 48 | 1000 | candle, mombati, mom batti, मोमबत्तियां
agarbatti | Incense sticks | अगरबत्ती | agarbatti | packet | 30 | 30 | 0.3 | 48 | 730 | agarbati, agarbathi, incense, dhoop, dhoopbatti, cycle agarbatti, mangaldeep
mosquito_coil | Mosquito coil | मच्छर कॉइल | machhar coil | packet | 40 | 42 | 0.22 | 48 | 730 | tortoise, kachua chhap, coil, macchar coil, mosquito coil, good knight coil
mosquito_repellent | Mosquito repellent | मच्छर मशीन | all out | piece | 85 | 90 | 0.22 | 24 | 730 | allout, good knight, goodknight, refill, odomos, mortein, machhar liquid, ऑल आउट
broom | Broom | झाड़ू | jhadu | piece | 80 | 80 | 0.25 | 20 | 1000 | jharu, jhaadu, phool jhadu, jhaaru
scrubber | Scrubber | जूना | scrubber | piece | 10 | 10 | 0.3 | 100 | 1000 | scotch brite, scotchbrite, juna, steel wool, jaali
garbage_bags | Garbage bags | कचरा थैली | kachra thaili | packet | 60 | 65 | 0.25 | 24 | 1000 | dustbin bag, garbage bag, dustbin bags
battery | Battery | बैटरी | cell | piece | 20 | 20 | 0.25 | 40 | 1000 | batteries, eveready, duracell, battry, betri, बैट्री, सेल
bulb | LED bulb | बल्ब | bulb | piece | 99 | 120 | 0.25 | 20 | 1000 | led, led bulb, balb, philips bulb, syska
aluminium_foil | Aluminium foil | फॉयल | foil | piece | 90 | 99 | 0.25 | 24 | 1000 | silver foil, aluminium foil, aluminum foil
naphthalene | Naphthalene balls | फिनाइल की गोली | goli | packet | 30 | 30 | 0.3 | 48 | 1000 | naphthalene, odonil, naptha goli, naftalin
camphor | Camphor (kapoor) | कपूर | kapoor | packet | 30 | 30 | 0.3 | 48 | 730 | kapur, camphor, kafur
cotton_wicks | Cotton wicks | बाती | baati | packet | 10 | 10 | 0.3 | 100 | 1000 | bati, jyot, phool batti, diya batti, wicks, बत्ती
tissue | Tissue paper | टिशू | tissue | packet | 30 | 30 | 0.25 | 48 | 1000 | tissue paper, tishu, napkins
`,
);
