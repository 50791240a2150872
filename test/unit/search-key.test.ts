import { describe, expect, it } from 'vitest';
import { formatPhone, memberSearchKey, phoneDigits, searchKey } from '../../src/lib/search-key.js';

describe('searchKey: the form names, kana and addresses are compared in', () => {
  it.each([
    ['鈴木　恵子', '鈴木恵子'],
    ['鈴木 恵子', '鈴木恵子'],
    ['鈴木恵子', '鈴木恵子'],
    [' 鈴木\t恵子 ', '鈴木恵子'],
    ['すずきけいこ', 'すずきけいこ'],
    ['スズキケイコ', 'すずきけいこ'],
    ['スズキ　ケイコ', 'すずきけいこ'],
    ['ｽｽﾞｷ ｹｲｺ', 'すずきけいこ'],
    ['ヴァイオリン', 'ゔぁいおりん'],
    ['コーヒー', 'こーひー'],
    ['ＳＵＺＵＫＩ Keiko', 'suzukikeiko'],
    ['城山町１丁目２－３', '城山町1丁目2-3'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  it('a member key never lets a match straddle two fields', () => {
    const key = memberSearchKey({
      name: '鈴木 恵子',
      name_kana: 'スズキ ケイコ',
      address: '港町1',
    });
    expect(key).toBe('鈴木恵子 すずきけいこ 港町1');
    expect(key.includes(searchKey('恵子すずき'))).toBe(false);
  });
});

describe('phoneDigits', () => {
  it.each([
    ['090-1234-5678', '09012345678'],
    ['09012345678', '09012345678'],
    ['０９０－１２３４－５６７８', '09012345678'],
    ['(03) 1234 5678', '0312345678'],
    ['', ''],
  ])('%j → %j', (input, digits) => {
    expect(phoneDigits(input)).toBe(digits);
  });
});

describe('formatPhone: one written form with hyphens', () => {
  it.each([
    ['09012345678', '090-1234-5678'],
    ['090-1234-5678', '090-1234-5678'],
    ['０９０１２３４５６７８', '090-1234-5678'],
    ['090 1234 5678', '090-1234-5678'],
    ['(03)1234-5678', '03-1234-5678'],
    ['0312345678', '03-1234-5678'],
    ['0120123456', '0120-123-456'],
    ['0422-12-3456', '0422-12-3456'],
    ['0451234567', '045-123-4567'],
    ['', ''],
    ['内線なし', '内線なし'],
  ])('%j → %j', (input, shown) => {
    expect(formatPhone(input)).toBe(shown);
  });
});
