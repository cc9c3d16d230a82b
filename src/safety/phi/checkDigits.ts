/**
 * Check-digit schemes of the identifiers OET candidates meet at work. Each takes the identifier as written (spaces,
 * hyphens allowed) and says whether its check digit holds. Sources: NHS Data Dictionary (NHS number, CHI uses the
 * same modulus 11), Services Australia (Medicare card), Australian Digital Health Agency (IHI: Luhn, prefix 800360),
 * NZ Ministry of Health (NHI, old and 2022 formats; test NHIs ZZZ0016 and ZZZ00AX), Revenue Ireland (PPSN, modulus 23), Government of Canada (SIN,
 * Luhn), Singapore ICA (NRIC/FIN), ICP UAE (Emirates ID, Luhn), SSA (SSN has no check digit: only reserved ranges).
 */

const digitsOf = (value: string): string => value.replace(/[\s-]/g, '');

/** Luhn (ISO/IEC 7812): SIN, IHI, Emirates ID, payment cards. */
export function luhnValid(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d{2,}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** NHS number and Scottish CHI number: weights 10..2 on nine digits, check = 11 - sum mod 11 (11 -> 0, 10 invalid). */
export function nhsValid(value: string): boolean {
  const digits = digitsOf(value);
  if (!/^\d{10}$/.test(digits) || /^(\d)\1{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** CHI: an NHS-style check and a first six digits that are a date of birth DDMMYY. */
export function chiValid(value: string): boolean {
  const digits = digitsOf(value);
  if (!nhsValid(digits)) return false;
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** Australian Medicare card: 10 digits (+ optional issue/IRN digit), first 2-6, 9th = weighted sum mod 10. */
export function medicareAuValid(value: string): boolean {
  const digits = digitsOf(value).replace(/\/\d$/, '');
  if (!/^[2-6]\d{9,10}$/.test(digits)) return false;
  const weights = [1, 3, 7, 9, 1, 3, 7, 9];
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += Number(digits[i]) * weights[i]!;
  return sum % 10 === Number(digits[8]);
}

/** Australian Individual Healthcare Identifier: 16 digits, 800360 prefix, Luhn. */
export function ihiValid(value: string): boolean {
  const digits = digitsOf(value);
  return /^800360\d{10}$/.test(digits) && luhnValid(digits);
}

const NHI_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ'; // I and O are never used

/** New Zealand NHI: old AAANNNC (mod 11) or the 2022 AAANNAX format (mod 24, check letter). */
export function nhiValid(value: string): boolean {
  const id = value.toUpperCase().replace(/\s/g, '');
  if (!/^[A-HJ-NP-Z]{3}\d{2}(\d{2}|[A-HJ-NP-Z]{2})$/.test(id)) return false;
  const code = (c: string): number => (/\d/.test(c) ? Number(c) : NHI_ALPHABET.indexOf(c) + 1);
  let sum = 0;
  for (let i = 0; i < 6; i += 1) sum += code(id[i]!) * (7 - i);
  if (/\d$/.test(id)) {
    if (!/\d{3}$/.test(id.slice(3, 6) + id[6])) return false;
    const check = 11 - (sum % 11);
    if (check === 11) return false;
    return check % 10 === Number(id[6]);
  }
  if (!/^\d{2}$/.test(id.slice(3, 5))) return false;
  // 2022 format: check letter = alphabet[24 - sum mod 24], counting from A = 1 (MoH test NHI ZZZ00AX holds).
  const remainder = sum % 24;
  if (remainder === 0) return false;
  return NHI_ALPHABET[24 - remainder - 1] === id[6];
}

/** Irish PPSN: 7 digits, check letter, optional second letter (W, A-Z); weights 8..2, the second letter weight 9, mod 23. */
export function ppsnValid(value: string): boolean {
  const id = value.toUpperCase().replace(/\s/g, '');
  const match = /^(\d{7})([A-W])([A-IW]?)$/.exec(id);
  if (!match) return false;
  const [, digits, check, extra] = match as unknown as [string, string, string, string];
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += Number(digits[i]) * (8 - i);
  if (extra && extra !== 'W') sum += (extra.charCodeAt(0) - 64) * 9;
  const remainder = sum % 23;
  return (remainder === 0 ? 'W' : String.fromCharCode(64 + remainder)) === check;
}

/** Canadian SIN: nine digits, Luhn, first digit not 0 or 8. */
export function sinValid(value: string): boolean {
  const digits = digitsOf(value);
  return /^[1-79]\d{8}$/.test(digits) && luhnValid(digits);
}

/** Singapore NRIC/FIN: prefix S/T/F/G/M, seven digits, check letter. */
export function nricValid(value: string): boolean {
  const id = value.toUpperCase();
  const match = /^([STFGM])(\d{7})([A-Z])$/.exec(id);
  if (!match) return false;
  const [, prefix, digits, check] = match as unknown as [string, string, string, string];
  const weights = [2, 7, 6, 5, 4, 3, 2];
  let sum = 0;
  for (let i = 0; i < 7; i += 1) sum += Number(digits[i]) * weights[i]!;
  if (prefix === 'T' || prefix === 'G') sum += 4;
  if (prefix === 'M') sum += 3;
  const remainder = sum % 11;
  const table =
    prefix === 'S' || prefix === 'T'
      ? 'JZIHGFEDCBA'
      : prefix === 'M'
        ? 'KLJNPQRTUWX'
        : 'XWUTRQPNMLK';
  const expected = prefix === 'M' ? table[10 - remainder] : table[remainder];
  return expected === check;
}

/** UAE Emirates ID: 784-YYYY-NNNNNNN-C, Luhn over the 15 digits. */
export function emiratesIdValid(value: string): boolean {
  const digits = digitsOf(value);
  return /^784\d{12}$/.test(digits) && luhnValid(digits);
}

/** US SSN: no check digit; area not 000, 666 or 9xx, group not 00, serial not 0000. */
export function ssnPlausible(value: string): boolean {
  const match = /^(\d{3})-?(\d{2})-?(\d{4})$/.exec(value.replace(/\s/g, ''));
  if (!match) return false;
  const [, area, group, serial] = match as unknown as [string, string, string, string];
  return area !== '000' && area !== '666' && !area.startsWith('9') && group !== '00' && serial !== '0000';
}
