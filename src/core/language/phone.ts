// Phone numbers for staff and suppliers, as typed: 9876543210, 98765 43210, +91 98765-43210, 09876543210.

/** The first Indian mobile number in the text as E.164 (+91XXXXXXXXXX), or null. */
export function findPhone(text: string): string | null {
  let digits = '';
  let plus = false;
  const flush = (): string | null => {
    const found = toE164(digits, plus);
    digits = '';
    plus = false;
    return found;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch >= '0' && ch <= '9') digits += ch;
    else if (ch === '+' && digits === '') plus = true;
    // Spaces and dashes inside a number are grouping, as long as more digits follow.
    else if ((ch === ' ' || ch === '-') && digits !== '' && isDigit(text[i + 1])) continue;
    else {
      const found = flush();
      if (found) return found;
    }
  }
  return flush();
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function toE164(digits: string, plus: boolean): string | null {
  if (digits.length === 10 && '6789'.includes(digits[0]!)) return `+91${digits}`;
  if (digits.length === 11 && digits[0] === '0' && '6789'.includes(digits[1]!))
    return `+91${digits.slice(1)}`;
  if (digits.length === 12 && digits.startsWith('91') && '6789'.includes(digits[2]!)) return `+${digits}`;
  if (plus && digits.length >= 8 && digits.length <= 15) return `+${digits}`;
  return null;
}
