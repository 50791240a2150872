/**
 * The demo center's announcements and newsletter: two published announcements (one for all
 * members, one for helpers) that appear on the home pages and in the inboxes, and one newsletter
 * written as a page. Built through the domain functions (both runtimes).
 */
import type { AppDeps, CurrentUser } from '../../context.js';
import { addDaysToDate, isoWeekdayOf, tokyoDateOf } from '../../lib/dates.js';
import { createAnnouncement, createNewsletterPage } from './announcements.service.js';

const WEEKDAYS_JA = ['月', '火', '水', '木', '金', '土', '日'];
/** 「12月29日（火）」: a date with its real weekday. */
const jaDay = (date: string) =>
  `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日（${WEEKDAYS_JA[isoWeekdayOf(date) - 1]}）`;

/**
 * The coming year-end break (December 29 to January 3), written from the date the demo is
 * seeded, so its weekdays are those of that year; requests are due by 17:00 on the last
 * weekday before it.
 */
export function yearEndNotice(today: string): string {
  const year = Number(today.slice(0, 4)) - (today.slice(5) <= '01-03' ? 1 : 0);
  const from = `${year}-12-29`;
  const until = `${year + 1}-01-03`;
  let due = addDaysToDate(from, -1);
  while (isoWeekdayOf(due) >= 6) due = addDaysToDate(due, -1);
  return [
    `${jaDay(from)}から${jaDay(until)}まで、センターの窓口と電話受付はお休みです。`,
    '',
    `この期間の援助活動は、**${jaDay(due)}17時まで**にお申し込みください。`,
    '年末年始の料金は、1時間900円です。',
  ].join('\n');
}

export async function seedAnnouncementsDemo(deps: AppDeps, staff: CurrentUser): Promise<void> {
  const today = tokyoDateOf(deps.clock.now());
  await createNewsletterPage(deps, staff, {
    title: 'つなぐ通信 第24号（秋号）',
    issuedOn: addDaysToDate(today, -30),
    body: [
      '## センター長あいさつ',
      'いつもファミリー・サポート・センターの活動にご協力いただき、ありがとうございます。',
      'この半年で、援助活動は **1,248件** になりました。送迎と、保育園のお迎え後の預かりが多くなっています。',
      '',
      '## 提供会員さんの声',
      '「はじめは緊張しましたが、お迎えのときに『また来てね』と言われて、うれしくなりました。」（中央地区・70代）',
      '',
      '## これからの予定',
      '- 提供会員講習会（冬）：1月から全6回',
      '- 救命講習：2月',
      '- 会員交流会：3月',
      '',
      'くわしくは、センターのホームページ https://www.city-midori.example.jp/famisapo/ をご覧ください。',
    ].join('\n'),
  });
  await createAnnouncement(deps, staff, {
    title: '年末年始の受付について',
    body: yearEndNotice(today),
    audience: 'all',
    email: false,
    publish: true,
  });
  await createAnnouncement(deps, staff, {
    title: '救命講習（心肺蘇生・AED）の受講のお願い',
    body: [
      '救命講習の修了から3年がたつ提供会員の方は、更新の講習を受けてください。',
      '',
      '- 日程は「講習・資格」のページで確かめられます',
      '- 消防署の講習を受けた方は、修了証の写しをセンターへお届けください',
    ].join('\n'),
    audience: 'helpers',
    email: false,
    publish: true,
  });
}
