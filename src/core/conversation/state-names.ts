import { normaliseText } from '../language/normalise.js';

// State names as a shopkeeper types them during onboarding (English, Hinglish, Devanagari, common
// abbreviations) -> ISO 3166-2:IN codes, which the festival calendar uses for regional festivals.

const TABLE: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['AP', ['andhra', 'andhra pradesh', 'आंध्र प्रदेश', 'आंध्र']],
  ['AR', ['arunachal', 'arunachal pradesh', 'अरुणाचल']],
  ['AS', ['assam', 'asam', 'असम']],
  ['BR', ['bihar', 'बिहार']],
  ['CT', ['chhattisgarh', 'chattisgarh', 'cg', 'छत्तीसगढ़']],
  ['DL', ['delhi', 'dilli', 'new delhi', 'दिल्ली']],
  ['GA', ['goa', 'गोवा']],
  ['GJ', ['gujarat', 'gujrat', 'गुजरात']],
  ['HR', ['haryana', 'हरियाणा']],
  ['HP', ['himachal', 'himachal pradesh', 'हिमाचल']],
  ['JH', ['jharkhand', 'झारखंड']],
  ['JK', ['jammu', 'kashmir', 'jammu kashmir', 'j&k', 'जम्मू']],
  ['KA', ['karnataka', 'bangalore', 'bengaluru', 'कर्नाटक']],
  ['KL', ['kerala', 'केरल']],
  ['MP', ['madhya pradesh', 'mp', 'मध्य प्रदेश']],
  ['MH', ['maharashtra', 'mumbai', 'pune', 'महाराष्ट्र']],
  ['MN', ['manipur', 'मणिपुर']],
  ['ML', ['meghalaya', 'मेघालय']],
  ['MZ', ['mizoram', 'मिज़ोरम']],
  ['NL', ['nagaland', 'नागालैंड']],
  ['OD', ['odisha', 'orissa', 'ओडिशा']],
  ['PB', ['punjab', 'पंजाब']],
  ['RJ', ['rajasthan', 'राजस्थान']],
  ['SK', ['sikkim', 'सिक्किम']],
  ['TN', ['tamil nadu', 'tamilnadu', 'chennai', 'तमिलनाडु']],
  ['TG', ['telangana', 'hyderabad', 'तेलंगाना']],
  ['TR', ['tripura', 'त्रिपुरा']],
  ['UP', ['uttar pradesh', 'up', 'u p', 'lucknow', 'उत्तर प्रदेश', 'यूपी']],
  ['UT', ['uttarakhand', 'uttaranchal', 'उत्तराखंड']],
  ['WB', ['west bengal', 'bengal', 'kolkata', 'पश्चिम बंगाल', 'बंगाल']],
  ['CH', ['chandigarh', 'चंडीगढ़']],
  ['PY', ['puducherry', 'pondicherry', 'पुडुचेरी']],
  ['LA', ['ladakh', 'लद्दाख']],
  ['AN', ['andaman', 'अंडमान']],
  ['LD', ['lakshadweep', 'लक्षद्वीप']],
  ['DH', ['daman', 'diu', 'dadra', 'दमन']],
];

const BY_NAME = new Map<string, string>();
for (const [code, names] of TABLE) {
  BY_NAME.set(code.toLowerCase(), code);
  for (const name of names) BY_NAME.set(normaliseText(name), code);
}

/** The state a reply names ("UP", "maharashtra", "उत्तर प्रदेश"), or null. */
export function findStateCode(text: string): string | null {
  const key = normaliseText(text).replace(/[.,!]/g, ' ').split(/\s+/).filter(Boolean).join(' ');
  const whole = BY_NAME.get(key);
  if (whole) return whole;
  const words = key.split(' ');
  for (let size = Math.min(3, words.length); size >= 1; size--) {
    for (let at = 0; at + size <= words.length; at++) {
      const hit = BY_NAME.get(words.slice(at, at + size).join(' '));
      if (hit) return hit;
    }
  }
  return null;
}
