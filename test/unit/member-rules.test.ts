import { describe, expect, it } from 'vitest';
import {
  ageInMonths,
  ageInYears,
  childAgeStatus,
  emailProblem,
  endOfElementarySchool,
  isKatakana,
  isPhoneNumber,
  normalizeKana,
  normalizeEmail,
  normalizePhone,
  phoneProblem,
} from '../../src/modules/members/member-rules.js';

describe('end of elementary school (school years run April 2 – April 1)', () => {
  it.each([
    ['2014-04-02', '2027-03-31'],
    ['2014-04-01', '2026-03-31'],
    ['2014-01-15', '2026-03-31'],
    ['2014-12-31', '2027-03-31'],
    ['2016-02-29', '2028-03-31'],
  ])('born %s → last day %s', (birth, last) => {
    expect(endOfElementarySchool(birth)).toBe(last);
  });
});

describe('requester child age (57 days to the end of elementary school)', () => {
  it.each([
    ['2026-09-25', '2026-11-21', 'eligible'], // 57 days
    ['2026-09-26', '2026-11-21', 'too_young'], // 56 days
    ['2014-04-02', '2027-03-31', 'eligible'],
    ['2014-04-02', '2027-04-01', 'too_old'],
    ['2014-04-01', '2026-04-01', 'too_old'],
    ['2026-12-01', '2026-11-21', 'not_born'],
  ] as const)('born %s on %s → %s', (birth, on, status) => {
    expect(childAgeStatus(birth, on, 57)).toBe(status);
  });
});

describe('ages', () => {
  it.each([
    ['2006-11-21', '2026-11-21', 20],
    ['2006-11-22', '2026-11-21', 19],
    ['2004-02-29', '2024-02-28', 19],
    ['2004-02-29', '2024-02-29', 20],
    ['2005-02-28', '2025-02-28', 20],
  ])('born %s on %s is %i', (birth, on, age) => {
    expect(ageInYears(birth, on)).toBe(age);
  });

  it('counts completed months', () => {
    expect(ageInMonths('2026-05-21', '2026-11-21')).toBe(6);
    expect(ageInMonths('2026-05-22', '2026-11-21')).toBe(5);
  });
});

describe('kana and phone', () => {
  it.each([
    ['たなか　さくら', 'タナカ サクラ', true],
    ['ﾀﾅｶ ｻｸﾗ', 'タナカ サクラ', true],
    ['スズキ・ケイコ', 'スズキ・ケイコ', true],
    ['Tanaka', 'Tanaka', false],
    ['田中', '田中', false],
  ])('%s → %s (katakana: %s)', (input, normalized, ok) => {
    expect(normalizeKana(input)).toBe(normalized);
    expect(isKatakana(normalizeKana(input))).toBe(ok);
  });

  it.each([
    ['090-1234-5678', true],
    ['０９０ー１２３４ー５６７８', true],
    ['042-123-4567', true],
    ['12345', false],
    ['090-1234-567a', false],
  ])('%s is a phone number: %s', (input, ok) => {
    expect(isPhoneNumber(normalizePhone(input))).toBe(ok);
  });
});

describe('phoneProblem and emailProblem: a refusal says why', () => {
  it.each([
    ['090-1234-5678', null],
    ['0421234567', null],
    ['090-1234', 'validation.phone_too_short'],
    ['0901234567890', 'validation.phone_too_long'],
    ['90-1234-5678', 'validation.phone_start'],
    ['090-1234-567x', 'validation.phone_chars'],
  ])('phone %j → %j', (phone, problem) => {
    expect(phoneProblem(normalizePhone(phone))).toBe(problem);
  });

  it.each([
    ['ｓａｋｕｒａ＠ｅｘａｍｐｌｅ．ｊｐ', 'sakura@example.jp', null],
    [' sakura@example.jp ', 'sakura@example.jp', null],
    ['sakura。tanaka@example.jp', 'sakura。tanaka@example.jp', 'validation.email_japanese_dot'],
    ['sakura tanaka@example.jp', 'sakura tanaka@example.jp', 'validation.email_space'],
    ['さくら@example.jp', 'さくら@example.jp', 'validation.email_full_width'],
    ['sakura.example.jp', 'sakura.example.jp', 'validation.email_no_at'],
  ])('email %j → %j, %j', (typed, normalised, problem) => {
    expect(normalizeEmail(typed)).toBe(normalised);
    expect(emailProblem(normalizeEmail(typed))).toBe(problem);
  });
});
