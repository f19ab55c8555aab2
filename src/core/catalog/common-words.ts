import { normaliseText } from '../language/normalise.js';

// Everyday words a shopkeeper types around product names. A spelling-tolerant matcher finds a product
// that sounds like almost any short word ("send" ~ sendha namak), so these are never matched by
// spelling or edit distance; only an exact catalog name or a shop's own alias can make one a product.
// The parser's keyword lists cover the words it understands; this list protects every other caller
// of the matcher too (alias teaching, supplier lines, the conversation's "did you mean").

const LIST = `
a an the and or but if so to of in on at by for from with into onto over under about after before again
i me my mine we us our you your he him his she her it its they them their this that these those there here
is am are was were be been being have has had do does did done doing will would shall should can could may
might must not no yes yeah ok okay okk fine good nice great best better bad worse worst thanks thank sorry
please pls plz hello hey bye morning evening night later soon now then than today tomorrow yesterday week
weeks month months year years day days time times date what when where which who whom whose why how much
many more most less least some any every each all both few other another same such only also just very
too quite send sent give gave given take took taken make made get got put keep kept tell told said say says
ask asked know knew want wanted need needed like liked call called come came go went gone see saw seen
look show check open close closed start stop change update delete remove add added enter entry write
order orders pay paid payment bill bills cash money change price prices rate stock total sale sales sold
sell selling buy bought received left right first second third last next previous little big small full
half double single number phone mobile message reply customer customers shop market home house road
bhej bhejo bhejna bheja bheji karo karna kiya kiye kitna kitne kitni batao bata dekho dekh rakho rakh
wala wale wali sabhi sab hamara hamare tumhara tumhare kaise kyun kyon lekin magar phir fir abhi kabhi
yahan wahan yaha waha accha acha achha theek thik haan han nahi nahin bahut zyada jyada dena lena dedo lelo
hisab hisaab baki baaki paisa paise udhaar udhar grahak dukan dukaan band khula barish kaam mehnga mehenga
sasta naya purana sabse pehle baad samajh samjha bolo suno chalo jaldi lagao likho hatao jodo ghatao badhao
chutti shaam subah raat dopahar kaun konsa kaunsa kidhar jaana aana gaya aaya aayi karna hona milna mila
mile mili bechna kharidna dijiye dijie kijiye kijie hoga hogi rahega rahegi
भेज भेजो करो करना कितना कितने कितनी बताओ देखो रखो वाला वाले सभी हमारा कैसे क्यों लेकिन मगर फिर अभी कभी
यहाँ वहाँ अच्छा ठीक हाँ नहीं बहुत ज्यादा देना लेना हिसाब बाकी पैसा पैसे उधार ग्राहक दुकान बंद खुला बारिश
काम महंगा सस्ता नया पुराना सबसे पहले बाद समझ बोलो सुनो चलो जल्दी लगाओ लिखो हटाओ जोड़ो शाम सुबह रात कौन
गया आया आई करना मिला भीड़ बेचना दीजिए कीजिए होगा होगी
`;

const COMMON: ReadonlySet<string> = new Set(
  LIST.split(/\s+/)
    .filter(Boolean)
    .map((word) => normaliseText(word)),
);

export function isCommonWord(word: string): boolean {
  return COMMON.has(word);
}
