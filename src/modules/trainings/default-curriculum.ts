/**
 * The default helper curriculum (提供会員講習会) from DOMAIN.md, as data. A center edits its own
 * copy (settings / `POST /training-modules`); this list seeds a new center and the tests.
 *
 * Hours follow the national standard of about 24 hours for the basic course. 救命講習 is taught
 * inside the course but modelled as its own `cpr` kind because it may be replaced by an external
 * CPR card. Every helper repeats 救命講習 and 事故防止講習 (安全・事故防止) at least every 5 years
 * (national guideline; 答弁書 201-140), so both are valid 60 months by default; a center may set
 * a shorter period per module (e.g. 36 months for CPR). sortOrder leaves gaps of 10 so a center
 * can insert modules without renumbering, and keeps 救命講習 where the course teaches it.
 */

/** The national maximum between two 救命講習 / 事故防止講習 (5 years). */
export const REFRESHER_MONTHS = 60;
import type { ModuleDef } from './qualifications.js';

/** A module of `kind` that never expires (the basic course itself; but see basic_safety). */
const courseModule =
  (kind: 'basic' | 'sick_child') =>
  (
    code: string,
    titleJa: string,
    titleEn: string,
    hours: number,
    sortOrder: number,
  ): ModuleDef => ({
    code,
    titleJa,
    titleEn,
    hours,
    kind,
    validityMode: 'months',
    validityMonths: null,
    sortOrder,
  });
const basic = courseModule('basic');
const sickChild = courseModule('sick_child');

export const DEFAULT_CURRICULUM: readonly ModuleDef[] = Object.freeze([
  basic('basic_heart', '保育の心', 'The heart of childcare', 2, 10),
  basic('basic_mind', '心の発達とその問題', 'Emotional development and its difficulties', 2, 20),
  basic('basic_body', '身体の発育と病気', 'Physical growth and common illnesses', 2, 30),
  basic('basic_nursing', '小児看護の基礎知識', 'Basics of paediatric nursing', 2, 40),
  basic(
    'basic_nutrition',
    '子どもの栄養と食生活（アレルギー）',
    "Children's nutrition and eating (allergies)",
    2,
    50,
  ),
  basic('basic_care', '子どもの世話', 'Looking after children (practice)', 4, 60),
  basic('basic_play', '子どもの遊び', "Children's play", 2, 70),
  // 事故防止講習: part of the course, and a refresher every 5 years after it.
  {
    ...basic('basic_safety', '安全・事故防止', 'Safety and accident prevention', 3, 80),
    validityMonths: REFRESHER_MONTHS,
  },
  {
    code: 'cpr',
    titleJa: '救命講習（心肺蘇生・AED）',
    titleEn: 'First aid: CPR and AED',
    hours: 3,
    kind: 'cpr',
    validityMode: 'months',
    validityMonths: REFRESHER_MONTHS,
    sortOrder: 90,
  },
  basic(
    'basic_disability',
    '障害のある子の預かり',
    'Caring for children with disabilities',
    2,
    100,
  ),
  basic(
    'basic_rules',
    '事業を円滑に進めるために（ルール・守秘義務）',
    'Running the service smoothly (rules and confidentiality)',
    3,
    110,
  ),
  {
    code: 'followup',
    titleJa: 'フォローアップ講習',
    titleEn: 'Annual follow-up training',
    hours: 2,
    kind: 'followup',
    // Valid for the fiscal year (年度) it was attended in, whatever the month.
    validityMode: 'fiscal_year_end',
    validityMonths: null,
    sortOrder: 200,
  },
  sickChild(
    'sick_infection',
    '病児・病後児保育の基礎（感染症の理解と予防）',
    'Sick-child care basics: infections and prevention',
    3,
    300,
  ),
  sickChild(
    'sick_nursing',
    '病児・病後児の看護と観察',
    'Nursing and observing a sick or recovering child',
    3,
    310,
  ),
  sickChild(
    'sick_practice',
    '病児・病後児預かりの実際（実習）',
    'Sick-child care in practice (practicum)',
    3,
    320,
  ),
]);
