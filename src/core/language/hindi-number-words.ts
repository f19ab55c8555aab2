// Hindi number words 0-100, in Devanagari and in the Latin spellings shopkeepers type. Hindi has an
// irregular word for every number up to 100, so no rule can generate them; each is listed.
// Latin entries are slash-separated spelling variants. Spellings that collide with common words
// ("sath" = with, "no", "tis") are left out on purpose.

const LATIN = `
0 shunya/sunya/shoonya
1 ek/ik
2 do/doo
3 teen/tin
4 char/chaar
5 paanch/panch/paach/panc
6 chhe/chhah/chah/chhai/chhey/che
7 saat/sat
8 aath/ath
9 nau/nou
10 das/dus/dass
11 gyarah/gyara/gyaarah/gyaara
12 barah/bara/baarah/baara
13 terah/tera
14 chaudah/chauda/chodah/choda
15 pandrah/pandra/pandhra
16 solah/sola
17 satrah/satra/sattrah
18 atharah/athara/athaara/atharha/athrah
19 unnis/unees/unnees/unis
20 bees/bis
21 ikkis/ikkees/ikis
22 bais/baees/baais
23 teis/teish/teees/tais
24 chaubis/chaubees/chobis
25 pachis/pachees/pacchis/pachchees
26 chhabbis/chhabbees/chabbis
27 sattais/sattaees/sataes
28 atthais/atthaees/athais/athaees
29 untis/unatees/untees
30 tees/tis
31 ikattis/iktees/iktis
32 battis/battees/batis
33 taintis/taintees/tetis
34 chauntis/chauntees/chontis
35 paintis/paintees/pentis
36 chhattis/chhattees/chatis
37 saintis/saintees/sentis
38 adtis/artees/adtees/artis
39 untalis/untaalees/untalees
40 chalis/chaalees/chaalis/chalees
41 iktalis/iktaalees/iktalees
42 bayalis/byaalees/byalis
43 taintalis/taintaalees/tetalis
44 chawalis/chauvaalees/chavalis
45 paintalis/paintaalees/pentalis
46 chhiyalis/chhiyaalees/chiyalis
47 saintalis/saintaalees/sentalis
48 adtalis/artaalees/artalis
49 unchas/unchaas
50 pachas/pachaas/pachaass
51 ikyavan/ikyaavan/ikyawan
52 bavan/baavan/bawan
53 tirpan/tirepan
54 chauvan/chauwan/chowan
55 pachpan
56 chhappan/chappan
57 sattavan/sataavan/sattawan
58 atthavan/athaavan/athawan
59 unsath/unasath
60 saath
61 iksath/ikasath
62 basath/baasath
63 tirsath/tiresath
64 chausath/chaunsath
65 painsath/paisath
66 chhiyasath/chhiyaasath
67 sadsath/sarsath
68 adsath/arsath
69 unhattar
70 sattar/satar
71 ikhattar
72 bahattar
73 tihattar
74 chauhattar
75 pachhattar/pachattar
76 chhihattar
77 satattar/sathattar
78 athattar
79 unasi/unnasi/unyasi
80 assi/assee/asi
81 ikyasi
82 bayasi
83 tirasi
84 chaurasi
85 pachasi
86 chhiyasi
87 sattasi
88 athasi/atthasi
89 navasi/nawasi
90 nabbe/nabbey
91 ikyanve
92 banve/baanve
93 tiranve
94 chauranve
95 pachanve
96 chhiyanve
97 sattanve
98 atthanve/attanve
99 ninyanve/nindyanve
100 sau
`;

const DEVANAGARI = `
0 शून्य
1 एक
2 दो
3 तीन
4 चार
5 पांच/पाच
6 छह/छः/छै/छे
7 सात
8 आठ
9 नौ
10 दस
11 ग्यारह
12 बारह
13 तेरह
14 चौदह
15 पंद्रह/पन्द्रह
16 सोलह
17 सत्रह
18 अठारह
19 उन्नीस
20 बीस
21 इक्कीस
22 बाईस
23 तेईस
24 चौबीस
25 पच्चीस
26 छब्बीस
27 सत्ताईस
28 अट्ठाईस/अठ्ठाईस
29 उनतीस
30 तीस
31 इकतीस
32 बत्तीस
33 तैंतीस
34 चौंतीस
35 पैंतीस
36 छत्तीस
37 सैंतीस
38 अड़तीस
39 उनतालीस
40 चालीस
41 इकतालीस
42 बयालीस
43 तैंतालीस
44 चवालीस/चौवालीस
45 पैंतालीस
46 छियालीस
47 सैंतालीस
48 अड़तालीस
49 उनचास
50 पचास
51 इक्यावन
52 बावन
53 तिरपन
54 चौवन
55 पचपन
56 छप्पन
57 सत्तावन
58 अट्ठावन
59 उनसठ
60 साठ
61 इकसठ
62 बासठ
63 तिरसठ
64 चौंसठ
65 पैंसठ
66 छियासठ
67 सड़सठ
68 अड़सठ
69 उनहत्तर
70 सत्तर
71 इकहत्तर
72 बहत्तर
73 तिहत्तर
74 चौहत्तर
75 पचहत्तर
76 छिहत्तर
77 सतहत्तर
78 अठहत्तर
79 उन्यासी/उनासी
80 अस्सी
81 इक्यासी
82 बयासी
83 तिरासी
84 चौरासी
85 पचासी
86 छियासी
87 सत्तासी
88 अट्ठासी
89 नवासी/नब्बासी
90 नब्बे
91 इक्यानबे/इक्यानवे
92 बानबे/बानवे
93 तिरानबे/तिरानवे
94 चौरानबे/चौरानवे
95 पचानबे/पचानवे
96 छियानबे/छियानवे
97 सत्तानबे/सत्तानवे
98 अट्ठानबे/अट्ठानवे
99 निन्यानबे/निन्यानवे
100 सौ
`;

function parseTable(table: string, into: Map<string, number>, normalise: (word: string) => string): void {
  for (const line of table.split('\n')) {
    const space = line.indexOf(' ');
    if (space < 0) continue;
    const value = Number(line.slice(0, space));
    for (const word of line.slice(space + 1).split('/')) into.set(normalise(word.trim()), value);
  }
}

/** Every Hindi number word, both scripts, keyed by its normalised form. */
export function hindiNumberWords(normalise: (word: string) => string): Map<string, number> {
  const words = new Map<string, number>();
  parseTable(LATIN, words, normalise);
  parseTable(DEVANAGARI, words, normalise);
  return words;
}
