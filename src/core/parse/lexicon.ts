import { normaliseText } from '../language/normalise.js';

// Keyword lists for intents, in the three registers. Words are normalised (lower-case, no nukta).
// Stems match word beginnings (bech -> becha, beche, bechi), so every inflection need not be listed.

const words = (list: string): ReadonlySet<string> =>
  new Set(
    list
      .split(/\s+/)
      .filter(Boolean)
      .map((word) => normaliseText(word)),
  );

export const SALE_WORDS = words(
  'sold sale sales sell sells becha beche bechi bech bechaa bika bike biki bikri bikre bikaa bika hua बेचा बेचे बेची बिका बिके बिकी बिक्री बेच सेल',
);
export const SALE_STEMS = ['bech', 'बेच'];

export const PURCHASE_WORDS = words(
  'aaya aaye aayi aya aye ayi aaya aagaya aagaye aayaa mangaya mangaye mangwaya mangwaye manga kharida kharide kharidi kharid liya purchase purchased bought received arrived came maal stockin inward आया आए आये आई आयी खरीदा खरीदे खरीदी मंगाया मंगवाया मंगाए लिया माल',
);

export const STOCK_WORDS = words('stock stok stocks inventory update स्टॉक स्टाक');
/** "maggi khatam": stock is zero. */
export const FINISHED_WORDS = words('khatam khtm khatm finished over nil zero खत्म ख़त्म समाप्त');
export const LEFT_WORDS = words('bacha bache bachi baki baaki left remaining hai bachaa बचा बचे बची बाकी');

export const PRICE_WORDS = words(
  'price prices rate rates bhav bhaav bhaw daam dam keemat kimat mrp cost lagat pricing भाव दाम कीमत रेट प्राइस लागत एमआरपी',
);
export const COST_WORDS = words('cost lagat kharid purchase लागत खरीद');
export const MRP_WORDS = words('mrp एमआरपी');
export const ASK_PRICE_WORDS = words(
  'rakhu rakhun rakhoon rakhna rakhe rakhen rakhein rakhun rakhoo keep should suggest sahi badhau badhaun ghatau ghataun kam zyada jyada रखूं रखूँ रखें रखना रखु सही बढाऊं घटाऊं सुझाव',
);

export const QUESTION_WORDS = words(
  'kya kitna kitne kitni kaise kab how what which when kyaa kya? ? क्या कितना कितने कितनी कैसे कब',
);
export const FORECAST_WORDS = words(
  'forecast predict prediction estimate demand need needed lagega lagegi lagenge chahiye chaiye chahie sell mangwau mangwaun mangau mangaun mangwana mangana mangvau mangvaun mangaoon order bikega bikegi bikenge bikengi will अनुमान मंगवाऊं मंगाऊं मंगवाना मंगाना बिकेगा बिकेगी बिकेंगे चाहिए चाहिये लगेगा लगेगी ऑर्डर',
);

export const REPORT_WORDS = words(
  'report hisab hisaab hisaab summary kamai kamaya profit munafa munafaa earning earnings weekly monthly daily हिसाब रिपोर्ट कमाई मुनाफा',
);
export const PERIOD_THIS_WEEK = words('weekly');
export const PERIOD_MONTH = words('monthly');

export const UNDO_WORDS = words(
  'undo galti galat cancel wapas delete mita hatao mitao गलती गलत रद्द वापस हटाओ मिटाओ कैंसल',
);
export const HELP_WORDS = words('help madad sahayata menu commands hlp मदद सहायता हेल्प');
/** Questions about the bot itself, read as whole phrases ("what can you do" is not 2 of anything). */
export const HELP_PHRASES: readonly string[][] = [
  'what can you do',
  'what do you do',
  'how to use',
  'how does this work',
  'how do i use',
  'kya kya kar sakte',
  'kya kar sakte ho',
  'kaise use',
  'kaise chalate',
  'क्या कर सकते',
  'कैसे इस्तेमाल',
  'कैसे चलाएं',
].map((phrase) => phrase.split(' ').map((word) => normaliseText(word)));
/** Words for the rate of a thing: "45 ke bhav se" is a price per unit, not a quantity. */
export const RATE_WORDS = words('bhav bhaav bhaw rate daam dam भाव रेट दाम');
export const GREETING_WORDS = words(
  'hi hii hiii hello helo hllo hey ram namaste namaskar namastey pranam salaam salam gm morning नमस्ते नमस्कार प्रणाम सुप्रभात राम',
);

export const ALERT_WORDS = words(
  'alert alerts notification notifications reminder reminders alarm सूचना अलर्ट रिमाइंडर',
);
export const OFF_WORDS = words('off band bandh stop mat disable बंद रोको रोक');
export const ON_WORDS = words('on chalu chaalu shuru start enable bhejo wapas चालू शुरू');

export const LANGUAGE_NAMES = new Map<string, 'en' | 'hi' | 'hi-Latn'>([
  ['hindi', 'hi'],
  ['हिंदी', 'hi'],
  ['हिन्दी', 'hi'],
  ['devanagari', 'hi'],
  ['english', 'en'],
  ['angrezi', 'en'],
  ['angreji', 'en'],
  ['अंग्रेजी', 'en'],
  ['इंग्लिश', 'en'],
  ['hinglish', 'hi-Latn'],
  ['roman', 'hi-Latn'],
  ['हिंग्लिश', 'hi-Latn'],
]);
export const LANGUAGE_CUES = words(
  'me mein mai language bhasha baat please plz pls reply talk bolo likho karo speak में भाषा बात बोलो लिखो करो',
);

export const STAFF_WORDS = words('staff helper naukar karmchari employee worker ladka स्टाफ कर्मचारी हेल्पर');
export const REMOVE_WORDS = words('hatao hata remove delete nikalo nikal hatado हटाओ हटा निकालो');
export const SUPPLIER_WORDS = words(
  'supplier suppliers vendor distributor wholesaler dealer sapplier सप्लायर डीलर',
);
export const SEND_WORDS = words('bhej bhejo bhejdo send bhejna भेज भेजो भेजदो');
export const ORDER_WORDS = words('order ordr ऑर्डर आर्डर');

export const NEW_WORDS = words('naya nayi new नया नई');
export const PRODUCT_WORDS = words('product item saman samaan maal cheez प्रोडक्ट आइटम सामान चीज');
export const ALIAS_WORDS = words('matlab means mean yaani yani matlb मतलब यानी');

/** Money markers: the number next to them is rupees. */
export const MONEY_WORDS = words(
  'rs rs. rupees rupee rupaye rupaiye rupay rupiya rupye rupya inr re rupaya रुपये रुपए रुपया रु',
);
/** Per-unit markers: "14 rs each", "120 ka kilo", "@ 14". */
export const EACH_WORDS = words('each per har ea ka ke ki wala wale wali वाला वाले वाली का के की हर प्रति');
/** Total markers: "24 - 336 rs", "total 336". */
export const TOTAL_WORDS = words('total kul amount कुल टोटल');

/** Function words: known, carry no product, never reported as unknown. */
export const FILLER_WORDS = words(`
ka ki ke ko se me mein main mai maine hai hain ho tha the thi hua hui hue aur ya bhi to toh ne par pe tak wala wale
wali ji bhai bhaiya bhaiyya sir madam please plz pls ok okay haan han nahi nhi na abhi ab sab saare sirf bas only just
also a an of in on for to at is are was were i my we our it this that and or with from by be have has do did will
gaye gaya gayi gai diya diye di kar karo kr karna karu karun de dena do likh likho likha note aj karke liye lie ke
hamare mere meri mera apna apne aapka dukan dukaan shop hum ham aap tum kuch koi bahut jyada zyada kam thoda aaj
ek baar bar fir phir wali kitna kitne kitni kya how many much what today week month hafte mahine din day days agle
next last pichle pichhle is us iss uss ye yeh wo woh vo liya le lo lena hoga hogi honge raha rahi rahe gya gyi sale
mal saath sath raise aa rahi list entry badha du ghata taki jo jab tab tak bhi kyun kyu because so then till before after pehle baad tak tk hi
का की के को से में मैं मैंने है हैं हो था थे थी हुआ हुई हुए और या भी तो ने पर पे तक वाला वाले वाली जी भाई भैया अभी अब सब
सिर्फ बस हाँ हां नहीं ना गए गया गई दिया दिए कर करो करना दे देना दो लिखो लिखा लिख के लिए आज एक बार फिर कुछ कोई बहुत थोड़ा
हमारे मेरे मेरी मेरा अपना दुकान हम आप ये यह वो वह लिया ले लो होगा होगी होंगे रहा रही रहे पहले बाद तक ही
`);

/** Joins items in a segment like a comma does. */
export const CONNECTOR_WORDS = words('aur and also plus tatha और तथा');

/** Words typical of Hindi typed in Latin letters; English-only words count the other way. */
export const HINGLISH_MARKERS = words(`
aaj aj kal parso ka ki ke ko se mein hai hain tha thi hua hui becha beche bechi bika biki bike bikri bikega bikenge
aaya aaye aayi kitna kitne kitni kya karo kardo kar aur bhi wala wale wali mangwau mangau bhej bhejo bhejdo bhav
daam rakhu rakhun bacha bache baki hisab hisaab hafte mahine agle din pe par ji bhai bhaiya namaste matlab naya
hatao band chalu baat galti galat madad liye hoga chahiye lagega kharida diya maine gaya gaye abhi nahi haan
dedh dhai aadha paav sawa paune saadhe darjan peti dabba botal batao likho likh hue me karo khatam
`);
export const ENGLISH_MARKERS = words(`
the is of sold sell yesterday today tomorrow how many much what price please report week month stock left
received bought each per should will need keep set send order add remove new means staff help stop start
for and with at my i to this next last days day dozen came hello hi needed sales total litres packets bottles boxes
you can call later show your it
`);
