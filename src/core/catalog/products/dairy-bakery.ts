import { productsFromTable } from '../define-product.js';

// Perishables: milk, curd, paneer and bread go bad in days, so their shelf life drives restock advice.
export const DAIRY = productsFromTable(
  'dairy',
  `
milk | Milk | दूध | doodh | litre | 68 | 68 | 0.1 | 20 | 2 | dudh, dood, dhoodh, amul doodh, amul milk, mother dairy, amul taaza, amul gold, toned milk, full cream, अमूल दूध
curd | Curd (dahi) | दही | dahi | packet | 35 | 35 | 0.13 | 20 | 3 | dahee, yogurt, yoghurt, amul dahi, curd
paneer | Paneer | पनीर | paneer | packet | 90 | 95 | 0.15 | 20 | 5 | panir, pneer, cottage cheese, amul paneer
butter | Butter | मक्खन | makkhan | packet | 58 | 60 | 0.13 | 20 | 180 | amul butter, makhan, buter, battar, बटर
cheese | Cheese | चीज़ | cheese | packet | 120 | 130 | 0.15 | 20 | 180 | amul cheese, cheez, chees, cheese slice
ghee | Ghee | घी | ghee | litre | 650 | 680 | 0.13 | 12 | 365 | ghi, desi ghee, amul ghee, patanjali ghee, gheee, देसी घी
buttermilk | Buttermilk (chaas) | छाछ | chaach | packet | 15 | 15 | 0.15 | 30 | 3 | chaas, chhach, chhaachh, mattha, butter milk
lassi | Lassi | लस्सी | lassi | packet | 25 | 25 | 0.15 | 30 | 5 | lasi, amul lassi
cream | Fresh cream | मलाई | malai | packet | 65 | 70 | 0.15 | 20 | 7 | cream, fresh cream, amul cream
condensed_milk | Condensed milk | मिल्कमेड | milkmaid | piece | 145 | 150 | 0.15 | 24 | 270 | milkmade, condensed milk, mithai mate
eggs | Eggs | अंडे | ande | piece | 7 | | 0.15 | 30 | 14 | anda, egg, andey, anday, unde, अंडा, अण्डे
ice_cream | Ice cream | आइसक्रीम | ice cream | piece | 30 | 30 | 0.25 | 24 | 180 | icecream, ice-cream, aiskrim, amul ice cream, kwality walls, walls, cornetto, आइस क्रीम
kulfi | Kulfi | कुल्फी | kulfi | piece | 20 | 20 | 0.25 | 24 | 180 | kulfee
`,
);

export const BAKERY = productsFromTable(
  'bakery',
  `
bread | Bread | ब्रेड | bread | packet | 50 | 50 | 0.12 | 20 | 4 | bred, braed, double roti, dabal roti, britannia bread, harvest gold, modern bread, ब्रैड, डबल रोटी
brown_bread | Brown bread | ब्राउन ब्रेड | brown bread | packet | 60 | 60 | 0.12 | 20 | 4 | atta bread, wheat bread
pav | Pav | पाव रोटी | pav | packet | 40 | 40 | 0.15 | 20 | 3 | ladi pav, pav bread
rusk | Rusk | रस्क | rusk | packet | 45 | 48 | 0.2 | 24 | 120 | toast, rusks, russ, britannia rusk
cake | Cake | केक | cake | piece | 30 | 30 | 0.25 | 24 | 10 | cupcake, muffin, fruit cake
bun | Bun | बन | bun | piece | 15 | 15 | 0.2 | 24 | 3 | buns, bun maska
khari | Khari | खारी | khari | packet | 40 | 42 | 0.2 | 24 | 60 | khaari, puff biscuit
`,
);
