/**
 * Search keys: names, kana, addresses and phone numbers in the one form they are compared in,
 * so 鈴木 恵子 typed with a full-width space, a half-width one or none ("鈴木恵子"),
 * "すずきけいこ" and "ｽｽﾞｷｹｲｺ" all find the same member.
 * Rows store their key (member.search_key / member.phone_key, written with the row); a query is
 * put through the same function and matched with LIKE, so nothing is normalised per row per query.
 */

const KATAKANA = /[\u30A1-\u30F6]/g;

/**
 * The comparable form of a text: NFKC (full-width letters and digits, half-width kana), no
 * spaces of any width, katakana folded to hiragana, Latin letters in lower case.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(KATAKANA, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60))
    .toLowerCase();
}

/** A phone number's digits only ("０９０ー1234-5678" → "09012345678"). */
export function phoneDigits(text: string): string {
  return text.normalize('NFKC').replace(/\D/g, '');
}

/**
 * A member's search key: name, kana and address, each as `searchKey`, joined by a space. A query
 * key never holds a space, so a match never straddles two fields.
 */
export function memberSearchKey(fields: {
  name: string;
  name_kana: string;
  address: string;
}): string {
  return [fields.name, fields.name_kana, fields.address].map(searchKey).join(' ');
}

/** The search columns of a member row, written with every insert or change of those fields. */
export function memberSearchColumns(fields: {
  name: string;
  name_kana: string;
  address: string;
  phone: string;
}): { search_key: string; phone_key: string } {
  return { search_key: memberSearchKey(fields), phone_key: phoneDigits(fields.phone) };
}

/** Mobile, IP and toll-free prefixes whose grouping is fixed. */
const FIXED_GROUPS: [RegExp, number[]][] = [
  [/^0[5789]0\d{8}$/, [3, 4, 4]],
  [/^0120\d{6}$/, [4, 3, 3]],
  [/^0800\d{7}$/, [4, 3, 4]],
  [/^0[36]\d{8}$/, [2, 4, 4]],
];

/**
 * A phone number in one written form: its digit groups joined by hyphens. Numbers entered as
 * groups (with spaces, dots, brackets or hyphens of any width) keep the groups the person wrote,
 * since only they know a landline's area code (0422-12-3456, 042-212-3456); numbers entered as
 * one run of digits are grouped by their prefix (090-1234-5678, 03-1234-5678, 0120-123-456),
 * other ten-digit numbers as 3-3-4. Anything else is shown as stored.
 */
export function formatPhone(phone: string): string {
  const groups = phone.normalize('NFKC').match(/\d+/g);
  if (!groups) return phone;
  if (groups.length > 1) return groups.join('-');
  const digits = groups[0];
  const sizes =
    FIXED_GROUPS.find(([re]) => re.test(digits))?.[1] ??
    (/^0\d{9}$/.test(digits) ? [3, 3, 4] : null);
  if (!sizes) return phone.normalize('NFKC');
  const parts: string[] = [];
  let at = 0;
  for (const n of sizes) {
    parts.push(digits.slice(at, at + n));
    at += n;
  }
  return parts.join('-');
}
