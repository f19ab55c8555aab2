import { productsFromTable } from '../define-product.js';

// Loose grains, flours and pulses: sold by the kilo at thin (13-15%) margins, long shelf life.
export const GRAINS = productsFromTable(
  'grains',
  `
rice | Rice | चावल | chawal | kg | 60 | | 0.13 | 25 | 365 | chaawal, chawel, chaval, chawl, sona masoori, kolam, rice loose
basmati_rice | Basmati rice | बासमती चावल | basmati chawal | kg | 120 | | 0.15 | 25 | 365 | basmati, india gate, daawat, dawat, basmathi, बासमती
wheat | Wheat | गेहूं | gehun | kg | 35 | | 0.13 | 50 | 270 | gehu, gehoon, gehoo, gahu, kanak, gehun, गेहूँ, गेंहू
atta | Wheat flour (atta) | आटा | aata | kg | 48 | 50 | 0.13 | 10 | 90 | atta, ata, aashirvaad, ashirvad, aashirwad, ashirwad, pillsbury, chakki atta, wheat flour, flour, आट्टा, आटे
maida | Maida | मैदा | maida | kg | 45 | | 0.14 | 25 | 180 | meda, mayda, refined flour, all purpose flour
suji | Semolina (suji) | सूजी | sooji | kg | 50 | | 0.14 | 25 | 180 | suji, rava, rawa, semolina, sooji rava, सुजी, रवा
besan | Gram flour (besan) | बेसन | besan | kg | 90 | | 0.14 | 25 | 180 | basen, besen, baisan, gram flour, chickpea flour
poha | Poha | पोहा | poha | kg | 55 | | 0.15 | 25 | 180 | powa, pauwa, chivda, chiwda, flattened rice, beaten rice, पोहे
dal | Toor dal | तूर दाल | arhar dal | kg | 140 | | 0.13 | 25 | 365 | daal, dhal, toor, tur dal, toor dal, toor daal, arhar, arahar, tuvar, lentils, dal, अरहर दाल, दाल, अरहर
moong_dal | Moong dal | मूंग दाल | moong dal | kg | 130 | | 0.13 | 25 | 365 | mung dal, moong, mung, moong daal, मूंग
chana_dal | Chana dal | चना दाल | chana dal | kg | 95 | | 0.13 | 25 | 365 | chana daal, chane ki dal, चने की दाल
masoor_dal | Masoor dal | मसूर दाल | masoor dal | kg | 110 | | 0.13 | 25 | 365 | masur, masoor, masur dal, red lentils, मसूर
urad_dal | Urad dal | उड़द दाल | urad dal | kg | 140 | | 0.13 | 25 | 365 | urad, udad, urd dal, उड़द
rajma | Rajma | राजमा | rajma | kg | 150 | | 0.14 | 25 | 365 | raajma, rajmah, kidney beans
kabuli_chana | Kabuli chana | काबुली चना | kabuli chana | kg | 130 | | 0.14 | 25 | 365 | chole, chhole, safed chana, chickpeas, छोले
kala_chana | Kala chana | काला चना | kala chana | kg | 90 | | 0.13 | 25 | 365 | chana, chane, black chana, black gram, चना
dalia | Dalia | दलिया | daliya | kg | 50 | | 0.15 | 20 | 180 | dalia, broken wheat, lapsi
sabudana | Sabudana | साबूदाना | sabudana | kg | 90 | | 0.15 | 20 | 365 | sago, sabudaana, sabu dana, tapioca
oats | Oats | ओट्स | oats | packet | 199 | 210 | 0.2 | 12 | 270 | quaker, saffola oats, oat
cornflakes | Cornflakes | कॉर्नफ्लेक्स | cornflakes | packet | 190 | 199 | 0.2 | 12 | 270 | corn flakes, kelloggs, kellogs
peanuts | Peanuts | मूंगफली | moongfali | kg | 140 | | 0.15 | 25 | 180 | mungfali, moongphali, mungphali, groundnut, singdana, shengdana
makhana | Makhana | मखाना | makhana | packet | 120 | 130 | 0.2 | 20 | 180 | fox nuts, phool makhana, makhane
bajra | Bajra | बाजरा | bajra | kg | 40 | | 0.13 | 25 | 180 | bajri, pearl millet
jowar | Jowar | ज्वार | jowar | kg | 55 | | 0.13 | 25 | 180 | jwar, sorghum
ragi | Ragi | रागी | ragi | kg | 60 | | 0.13 | 25 | 180 | nachni, finger millet, mandua
`,
);
