import { productsFromTable } from '../define-product.js';

// Branded packets: the fastest movers, highest margins and the biggest festival spikes.
export const SNACKS = productsFromTable(
  'snacks',
  `
maggi | Maggi noodles | मैगी | maggi | packet | 14 | 15 | 0.1786 | 96 | 270 | maggie, magi, magie, meggi, megi, maggy, maggi noodles, noodles, मेगी, मैग्गी
yippee | Yippee noodles | यिप्पी | yippee | packet | 15 | 15 | 0.2 | 60 | 270 | yipee, yippie, sunfeast yippee, yipi
kurkure | Kurkure | कुरकुरे | kurkure | packet | 20 | 20 | 0.3 | 48 | 120 | kurkre, kurkuray, kurkurey, kurkury, kurkurre, kurkuree
lays | Lay's chips | लेज़ | lays | packet | 20 | 20 | 0.3 | 48 | 120 | lay, lays chips, leys, lejh, chips, potato chips, uncle chips, लेस, लेय्स
bingo | Bingo | बिंगो | bingo | packet | 20 | 20 | 0.3 | 48 | 120 | mad angles, tedhe medhe, bingoo
biscuits | Biscuits | बिस्कुट | biscuit | packet | 10 | 10 | 0.2 | 48 | 180 | biscuits, biskut, biscut, biskit, buscuit, parle g, parle-g, parleg, parle, marie, marie gold, good day, goodday, tiger, monaco, krackjack, hide and seek, bourbon, oreo, sunfeast, britannia, बिस्किट, पारले जी, पारले
namkeen | Namkeen | नमकीन | namkeen | packet | 50 | 55 | 0.25 | 24 | 120 | namkin, bhujia, aloo bhujia, haldiram, haldirams, bikaji, mixture, navratan mix, sev, nimki, हल्दीराम, भुजिया
chocolate | Chocolate | चॉकलेट | chocolate | piece | 20 | 20 | 0.25 | 48 | 270 | choclate, chocklate, chaklet, chocolet, choco, dairy milk, dairymilk, cadbury, kitkat, kit kat, fivestar, five star, munch, perk, silk, चाकलेट, डेयरी मिल्क
toffee | Toffee | टॉफी | toffee | piece | 1 | 1 | 0.3 | 200 | 365 | tofee, tofi, toffy, candy, eclairs, melody, pulse, alpenliebe, kismi, mango bite
chewing_gum | Chewing gum | च्युइंग गम | chewing gum | piece | 5 | 5 | 0.3 | 100 | 365 | bubble gum, center fresh, centre fresh, boomer, chingum, gum
popcorn | Popcorn | पॉपकॉर्न | popcorn | packet | 20 | 20 | 0.3 | 48 | 120 | pop corn, act ii
pasta | Pasta | पास्ता | pasta | packet | 30 | 30 | 0.25 | 48 | 270 | macaroni
chikki | Chikki | चिक्की | chikki | piece | 10 | 10 | 0.25 | 50 | 90 | gajak, gazak, गजक
soan_papdi | Soan papdi | सोन पापड़ी | soan papdi | packet | 120 | 130 | 0.25 | 20 | 120 | son papdi, sonpapdi, patisa
`,
);

export const BEVERAGES = productsFromTable(
  'beverages',
  `
cold_drink | Cold drink | कोल्ड ड्रिंक | cold drink | bottle | 40 | 40 | 0.2 | 24 | 180 | colddrink, cold drinks, thanda, thums up, thumsup, coke, coca cola, pepsi, sprite, fanta, mirinda, limca, mountain dew, dew, campa, campa cola, soft drink, kold drink, कोल्डड्रिंक, ठंडा, पेप्सी, कोक, थम्स अप
juice | Fruit juice | जूस | juice | packet | 20 | 20 | 0.22 | 24 | 180 | frooti, maaza, mazza, slice, real juice, tropicana, jus, appy, appy fizz, फ्रूटी
water | Mineral water | पानी की बोतल | pani bottle | bottle | 20 | 20 | 0.3 | 24 | 365 | bisleri, mineral water, pani, paani, kinley, aquafina, water bottle, बिसलेरी, पानी
soda | Soda | सोडा | soda | bottle | 20 | 20 | 0.25 | 24 | 180 | club soda, soda water, banta
energy_drink | Energy drink | एनर्जी ड्रिंक | energy drink | piece | 60 | 60 | 0.25 | 24 | 270 | red bull, redbull, sting, monster
health_drink | Health drink | बॉर्नविटा | bournvita | packet | 250 | 265 | 0.15 | 12 | 365 | borvita, bornvita, horlicks, horlix, complan, boost, हॉर्लिक्स
rasna | Drink mix (Rasna) | रसना | rasna | packet | 10 | 10 | 0.3 | 100 | 365 | rasana, tang, glucon d, glucose, glucon
green_tea | Green tea | ग्रीन टी | green tea | packet | 150 | 160 | 0.25 | 12 | 365 | green tea bags, lipton green
`,
);
