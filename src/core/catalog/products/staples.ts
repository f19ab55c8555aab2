import { productsFromTable } from '../define-product.js';

// Kitchen staples: sugar, salt, oil, tea, spices and the few vegetables most kiranas keep.
export const STAPLES = productsFromTable(
  'staples',
  `
sugar | Sugar | चीनी | cheeni | kg | 46 | | 0.13 | 50 | 730 | chini, cheeni, shakkar, shakar, sugar loose, शक्कर
salt | Salt | नमक | namak | packet | 28 | 30 | 0.15 | 50 | 730 | tata salt, tata namak, iodised salt, nmak, टाटा नमक
rock_salt | Rock salt | सेंधा नमक | sendha namak | packet | 60 | 65 | 0.2 | 30 | 730 | sendha, saindhava, pink salt
oil | Cooking oil | तेल | tel | litre | 150 | 165 | 0.13 | 12 | 270 | refined, refined oil, fortune, saffola, soyabean oil, soybean oil, sunflower oil, dhara, cooking oil, refined tel, रिफाइंड
mustard_oil | Mustard oil | सरसों का तेल | sarson tel | litre | 180 | 195 | 0.13 | 12 | 270 | sarso tel, sarson ka tel, sarson oil, mustard, kachi ghani, kacchi ghani, सरसों तेल, सरसो तेल
jaggery | Jaggery | गुड़ | gud | kg | 70 | | 0.15 | 25 | 270 | gur, goor, jaggery
tea | Tea | चाय पत्ती | chai patti | packet | 130 | 140 | 0.15 | 24 | 365 | chai, chaipatti, chaay, tata tea, red label, taj mahal tea, wagh bakri, waghbakri, tea leaves, patti, चाय, चायपत्ती, टाटा टी
coffee | Coffee | कॉफ़ी | coffee | packet | 170 | 185 | 0.18 | 24 | 365 | nescafe, bru, kafi, kofi, coffe, cofee
haldi | Turmeric (haldi) | हल्दी | haldi | packet | 40 | 45 | 0.2 | 40 | 365 | turmeric, haldee, hardi, haldi powder
mirchi_powder | Red chilli powder | लाल मिर्च | lal mirch | packet | 55 | 60 | 0.2 | 40 | 365 | mirch, mirchi, red chilli, chilli powder, lal mirchi, mirch powder, मिर्च, मिर्ची
dhaniya_powder | Coriander powder | धनिया पाउडर | dhaniya | packet | 40 | 45 | 0.2 | 40 | 365 | dhania, coriander, dhaniya powder, धनिया
garam_masala | Garam masala | गरम मसाला | garam masala | packet | 60 | 65 | 0.22 | 40 | 365 | masala, everest, mdh, garam masaala, मसाला
jeera | Cumin (jeera) | जीरा | jeera | packet | 70 | 75 | 0.2 | 40 | 365 | jira, zeera, cumin, jeeraa
rai | Mustard seeds (rai) | राई | rai | packet | 20 | 22 | 0.2 | 40 | 365 | sarson dana, mustard seeds, rayi
hing | Asafoetida (hing) | हींग | heeng | packet | 60 | 65 | 0.22 | 40 | 365 | hing, asafoetida
ajwain | Ajwain | अजवाइन | ajwain | packet | 30 | 32 | 0.2 | 40 | 365 | ajwayan, ajvain, carom seeds
kali_mirch | Black pepper | काली मिर्च | kali mirch | packet | 80 | 85 | 0.2 | 40 | 365 | black pepper, pepper, kalimirch
elaichi | Cardamom (elaichi) | इलायची | elaichi | packet | 90 | 95 | 0.2 | 40 | 365 | ilaichi, elaychi, cardamom, ilayachi
laung | Cloves (laung) | लौंग | laung | packet | 50 | 55 | 0.2 | 40 | 365 | lavang, cloves, clove
methi_dana | Fenugreek seeds | मेथी दाना | methi | packet | 25 | 28 | 0.2 | 40 | 365 | methi dana, fenugreek, methidana, मेथी
chaat_masala | Chaat masala | चाट मसाला | chaat masala | packet | 45 | 50 | 0.22 | 40 | 365 | chat masala
soya_chunks | Soya chunks | सोया बड़ी | soya badi | packet | 45 | 50 | 0.2 | 30 | 270 | soya, nutrela, soya bari, soyabean badi
pickle | Pickle | अचार | achar | bottle | 120 | 130 | 0.22 | 12 | 365 | achaar, aachar, pickle, mothers recipe
papad | Papad | पापड़ | papad | packet | 60 | 65 | 0.2 | 24 | 180 | papadam, lijjat, lijjat papad
ketchup | Tomato ketchup | टोमैटो सॉस | sauce | bottle | 120 | 130 | 0.2 | 24 | 365 | ketchup, kissan, maggi sauce, tomato sauce, sos, सॉस
jam | Jam | जैम | jam | bottle | 150 | 160 | 0.2 | 12 | 365 | kissan jam, mixed fruit jam, fruit jam, जेम
honey | Honey | शहद | shahad | bottle | 200 | 215 | 0.2 | 12 | 730 | dabur honey, madhu, sahad
onion | Onion | प्याज़ | pyaz | kg | 40 | | 0.15 | 50 | 30 | pyaaz, piyaz, kanda, kaanda, onions
potato | Potato | आलू | aloo | kg | 30 | | 0.15 | 50 | 30 | alu, aaloo, potatoes, batata
tomato | Tomato | टमाटर | tamatar | kg | 40 | | 0.15 | 25 | 7 | tamaatar, tomatoes, tamater
garlic | Garlic | लहसुन | lehsun | kg | 200 | | 0.15 | 10 | 60 | lahsun, lasun, lehson, garlik
ginger | Ginger | अदरक | adrak | kg | 160 | | 0.15 | 10 | 21 | adrakh, adarak
lemon | Lemon | नींबू | nimbu | piece | 5 | | 0.2 | 100 | 10 | neembu, nimboo, lemons, limbu
`,
);
