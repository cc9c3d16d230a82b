import { createHmac } from 'node:crypto';
import { Faker, base, en, en_AU, en_GB } from '@faker-js/faker';
import type { PhiSpan } from '../phi/phiTypes.js';

/**
 * Consistent surrogates for one document: the same original (case and spacing aside) always gets the same fake
 * value, name tokens are mapped one by one so "Mrs Rahman" and "Aisha Rahman" stay one person, and every date moves
 * by the same number of days. Fake values come from faker seeded by a keyed hash of the document, so a rerun with the
 * same key gives the same surrogates and nothing can be read back without the key.
 */
export class SurrogateMaker {
  private readonly faker: Faker;
  private readonly memo = new Map<string, string>();
  readonly shiftDays: number;

  constructor(key: Buffer, documentKey: string) {
    const digest = createHmac('sha256', key).update(documentKey).digest();
    this.faker = new Faker({ locale: [en_GB, en_AU, en, base] });
    this.faker.seed(digest.readUInt32BE(0));
    // 32-320 days either way: every date lands in another month (a shift under 334 days cannot come back round to
    // the same month), and intervals between the document's dates are kept. A year may stay: alone it is not PHI.
    const days = 32 + (digest.readUInt16BE(4) % 289);
    this.shiftDays = digest[6]! % 2 === 0 ? days : -days;
  }

  surrogate(span: PhiSpan): string {
    switch (span.type) {
      case 'NAME':
        return span.text.split(/(\s+)/).map((part, i, parts) => (/^\s+$/.test(part) ? part : this.nameToken(part, i === 0 && parts.length > 1))).join('');
      case 'DATE':
        return shiftDate(span.text, this.shiftDays) ?? this.once(span, () => this.faker.date.past({ years: 5 }).toISOString().slice(0, 10));
      case 'AGE':
        return this.once(span, () => String(90 + ((Number(span.text) - 89 + this.faker.number.int({ min: 1, max: 8 })) % 10)));
      case 'EMAIL':
        return this.once(span, () => this.faker.internet.email({ provider: 'example.org' }).toLowerCase());
      case 'URL':
        return this.once(span, () => `https://example.org/${this.faker.string.alphanumeric(8).toLowerCase()}`);
      case 'IP':
        return this.once(span, () => (span.text.includes(':') ? `2001:db8::${this.faker.string.hexadecimal({ length: 4, prefix: '' })}` : `192.0.2.${this.faker.number.int({ min: 1, max: 254 })}`));
      case 'ADDRESS':
        return this.once(span, () => `${this.faker.location.streetAddress()}, ${this.faker.location.city()}`);
      default:
        return this.once(span, () => this.reshape(span.text));
    }
  }

  private once(span: PhiSpan, make: () => string): string {
    const key = `${span.type}:${span.text.toLowerCase().replace(/\s+/g, ' ')}`;
    let value = this.memo.get(key);
    if (value === undefined) {
      value = make();
      // A random fake can repeat a piece of the original ("345" of a phone number): draw again, a few times.
      for (let tries = 0; tries < 8 && sharesWord(span.text, value); tries++) value = make();
      if (value.toLowerCase() === span.text.toLowerCase() || sharesWord(span.text, value)) value = this.reshape(span.text);
      this.memo.set(key, value);
    }
    return value;
  }

  private nameToken(token: string, given: boolean): string {
    const key = `NAME:${token.toLowerCase()}`;
    let value = this.memo.get(key);
    if (value === undefined) {
      if (/^[A-Z]\.?$/.test(token)) value = this.faker.string.alpha({ casing: 'upper', exclude: [token[0]!] }) + (token.endsWith('.') ? '.' : '');
      else {
        do value = given ? this.faker.person.firstName() : this.faker.person.lastName();
        while (value.toLowerCase() === token.toLowerCase());
        if (token === token.toUpperCase()) value = value.toUpperCase();
      }
      this.memo.set(key, value);
    }
    return value;
  }

  /** Same shape, other characters: digits for digits, letters for letters, separators kept. */
  private reshape(text: string): string {
    let out: string;
    do {
      out = text.replace(/\d/g, () => String(this.faker.number.int(9))).replace(/[A-Z]/g, () => this.faker.string.alpha({ casing: 'upper' })).replace(/[a-z]/g, () => this.faker.string.alpha({ casing: 'lower' }));
    } while (out === text && /[\dA-Za-z]/.test(text));
    return out;
  }
}

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function monthIndex(word: string): number {
  const w = word.replace(/\.$/, '').slice(0, 3).toLowerCase();
  return MONTH_NAMES.findIndex((m) => m.slice(0, 3).toLowerCase() === w);
}

function addDays(year: number, month: number, day: number, shift: number): Date {
  return new Date(Date.UTC(year, month, day + shift));
}

/** The date moved by `shift` days in the format it was written, or null when its format is not one we rewrite. */
export function shiftDate(text: string, shift: number): string | null {
  const pad = (n: number, like: string) => String(n).padStart(like.length, '0');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) {
    const d = addDays(Number(m[1]), Number(m[2]) - 1, Number(m[3]), shift);
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, m[2]!)}-${pad(d.getUTCDate(), m[3]!)}`;
  }
  m = /^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{2}|\d{4}))?$/.exec(text);
  if (m) {
    // Day first unless the second number cannot be a month (US order "03/14/2024").
    const monthFirst = Number(m[3]) > 12;
    const day = Number(monthFirst ? m[3] : m[1]);
    const month = Number(monthFirst ? m[1] : m[3]) - 1;
    const yearText = m[4];
    const year = yearText === undefined ? 2001 : yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
    const d = addDays(year, month, day, shift);
    const dd = pad(d.getUTCDate(), monthFirst ? m[3]! : m[1]!);
    const mm = pad(d.getUTCMonth() + 1, monthFirst ? m[1]! : m[3]!);
    const yy = yearText === undefined ? '' : `${m[2]}${yearText.length === 2 ? String(d.getUTCFullYear()).slice(2) : d.getUTCFullYear()}`;
    return `${monthFirst ? mm : dd}${m[2]}${monthFirst ? dd : mm}${yy}`;
  }
  m = /^(\d{1,2})(st|nd|rd|th)?(\s+of)?([\s-]+)([A-Za-z]+\.?)(?:(,?[\s-]+)(\d{4}|'?\d{2}))?$/.exec(text);
  if (m && monthIndex(m[5]!) >= 0) {
    const year = m[7] ? (m[7].replace("'", '').length === 2 ? 2000 + Number(m[7].replace("'", '')) : Number(m[7])) : 2001;
    const d = addDays(year, monthIndex(m[5]!), Number(m[1]), shift);
    const monthWord = m[5]!.length <= 4 ? MONTH_NAMES[d.getUTCMonth()]!.slice(0, 3) : MONTH_NAMES[d.getUTCMonth()]!;
    const yearOut = m[7] ? `${m[6]}${m[7].replace(/\d+/, (y) => (y.length === 2 ? String(d.getUTCFullYear()).slice(2) : String(d.getUTCFullYear())))}` : '';
    return `${d.getUTCDate()}${m[2] ? ordinal(d.getUTCDate()) : ''}${m[3] ?? ''}${m[4]}${monthWord}${yearOut}`;
  }
  m = /^([A-Za-z]+\.?)\s+(\d{1,2})(st|nd|rd|th)?(?:(,?\s+)(\d{4}))?$/.exec(text);
  if (m && monthIndex(m[1]!) >= 0) {
    const d = addDays(m[5] ? Number(m[5]) : 2001, monthIndex(m[1]!), Number(m[2]), shift);
    const monthWord = m[1]!.length <= 4 ? MONTH_NAMES[d.getUTCMonth()]!.slice(0, 3) : MONTH_NAMES[d.getUTCMonth()]!;
    return `${monthWord} ${d.getUTCDate()}${m[3] ? ordinal(d.getUTCDate()) : ''}${m[5] ? `${m[4]}${d.getUTCFullYear()}` : ''}`;
  }
  m = /^([A-Za-z]+)\s+(?:of\s+)?(\d{4})$/.exec(text);
  if (m && monthIndex(m[1]!) >= 0) {
    const d = addDays(Number(m[2]), monthIndex(m[1]!), 15, shift);
    return `${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
  }
  return null;
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** Whether a replacement still holds a word (3+ characters) of the original. */
function sharesWord(original: string, replacement: string): boolean {
  const lower = replacement.toLowerCase();
  return original.toLowerCase().split(/[\s,./-]+/).some((w) => w.length >= 3 && lower.includes(w));
}
