import { productsFromTable } from '../define-product.js';

// Festival goods sell in short bursts (rakhi, gulal, diyas) and drive most of the forecast's uplift.
export const FESTIVE = productsFromTable(
  'festive',
  `
diya | Diya | दीया | diya | packet | 40 | 40 | 0.3 | 50 | 1000 | diye, diyas, deeya, deepak, diva, diwa, mitti ke diye, दीये, दिया, दिए, दीपक
rakhi | Rakhi | राखी | rakhi | piece | 20 | 20 | 0.35 | 100 | 1000 | raakhi, rakhee, rakhiyan, राखियां
gulal | Gulal | गुलाल | gulal | packet | 20 | 20 | 0.35 | 100 | 730 | gulaal, abir, holi colour, holi color, rang, colour, colours, रंग
pichkari | Pichkari | पिचकारी | pichkari | piece | 50 | 50 | 0.35 | 48 | 1000 | pichkaari, water gun
sweets | Sweets (mithai) | मिठाई | mithai | kg | 400 | | 0.25 | 10 | 7 | mithaai, mithayi, sweet, sweets, ladoo, laddu, laddoo, barfi, burfi, peda, kaju katli, rasgulla, gulab jamun, mithai box, लड्डू, बर्फी
dry_fruits | Dry fruits | मेवा | meva | kg | 900 | | 0.2 | 5 | 180 | dry fruit, dryfruits, dry fruits, mewa, kaju badam, dry fruit box, ड्राई फ्रूट, मेवे
cashew | Cashew (kaju) | काजू | kaju | kg | 900 | | 0.18 | 5 | 180 | kaaju, cashew nuts, cashews
almonds | Almonds (badam) | बादाम | badam | kg | 850 | | 0.18 | 5 | 270 | baadam, almond, badaam
raisins | Raisins (kishmish) | किशमिश | kishmish | kg | 400 | | 0.18 | 5 | 270 | kismis, kishmis, raisin, munakka
sevai | Sevai | सेवई | sevai | packet | 40 | 45 | 0.22 | 50 | 270 | seviyan, sewai, semiya, vermicelli, bambino, sevaiyan, sewaiyan, सेवइयां, सेवइयाँ
dates | Dates (khajoor) | खजूर | khajoor | packet | 150 | 160 | 0.22 | 24 | 270 | khajur, kajoor, lion dates, chuhara
coconut | Coconut | नारियल | nariyal | piece | 40 | | 0.2 | 50 | 30 | nariyel, naryal, coconuts, shriphal, gola
puja_samagri | Puja samagri | पूजा सामग्री | puja samagri | packet | 50 | 50 | 0.35 | 50 | 730 | pooja samagri, havan samagri, samagri, puja kit
roli | Roli (kumkum) | रोली | roli | packet | 10 | 10 | 0.35 | 100 | 730 | kumkum, chandan
kalawa | Kalawa (mauli) | कलावा | kalawa | piece | 10 | 10 | 0.35 | 100 | 1000 | mauli, moli, kalava, raksha sutra
crackers | Crackers | पटाखे | patakhe | packet | 100 | 100 | 0.3 | 20 | 1000 | patake, pataka, fataka, phatake, firecrackers, phuljhadi, chakri, rocket, sparklers, फुलझड़ी
rangoli | Rangoli colours | रंगोली | rangoli | packet | 20 | 20 | 0.35 | 100 | 1000 | rangoli colour, rangoli rang
mehndi | Mehndi | मेहंदी | mehndi | piece | 30 | 30 | 0.3 | 100 | 365 | mehandi, mehendi, henna, heena, mehendi cone
gift_pack | Gift pack | गिफ्ट पैक | gift pack | piece | 250 | 250 | 0.25 | 12 | 180 | gift box, gift hamper
til | Sesame (til) | तिल | til | kg | 200 | | 0.18 | 10 | 180 | sesame, safed til
revdi | Revdi | रेवड़ी | revdi | packet | 40 | 40 | 0.25 | 50 | 90 | rewari, rewdi, rebdi
`,
);

export const OTHER = productsFromTable(
  'other',
  `
pen | Pen | पेन | pen | piece | 10 | 10 | 0.3 | 50 | 1000 | ball pen, reynolds, pen refill
notebook | Notebook | कॉपी | copy | piece | 40 | 40 | 0.25 | 24 | 1000 | kapi, note book, classmate
gas_lighter | Gas lighter | लाइटर | lighter | piece | 60 | 60 | 0.3 | 24 | 1000 | gas lighter
carry_bag | Carry bag | थैली | thaili | packet | 50 | 50 | 0.3 | 20 | 1000 | panni, polythene, polythene bag, carry bag, jhola
supari | Supari | सुपारी | supari | packet | 10 | 10 | 0.3 | 100 | 365 | supaari, betel nut
`,
);
