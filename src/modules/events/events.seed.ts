/**
 * The demo center's events: a 会員交流会 for helpers with childcare (three weeks ahead, a few
 * helpers signed up already) and a public lecture (five weeks ahead, on a Saturday). Built
 * through the domain functions (both runtimes), relative to the clock.
 */
import type { AppDeps, CurrentUser } from '../../context.js';
import { openWeekdayOnOrAfter } from '../../lib/center-calendar.js';
import { addDaysToDate, isoWeekdayOf, tokyoDateOf, tokyoInstant } from '../../lib/dates.js';
import { createEvent, registerForEvent } from './events.service.js';

/** The first Saturday on or after `date`. */
const saturdayFrom = (date: string) => addDaysToDate(date, (6 - isoWeekdayOf(date) + 7) % 7);

export async function seedEventsDemo(deps: AppDeps, staff: CurrentUser): Promise<void> {
  const today = tokyoDateOf(deps.clock.now());
  // Saturdays the center is open (not a holiday, not the year-end break).
  const meetingOn = openWeekdayOnOrAfter(saturdayFrom(addDaysToDate(today, 21)));
  const lectureOn = openWeekdayOnOrAfter(saturdayFrom(addDaysToDate(today, 35)));
  const meeting = await createEvent(deps, staff, {
    kind: 'exchange',
    title: '提供会員 交流会（秋のお茶会）',
    description: [
      '日ごろの活動、ありがとうございます。提供会員どうしでお茶を飲みながら、活動のことを話しませんか。',
      '',
      '## 内容',
      '- 先輩会員から「わたしの援助活動」のお話',
      '- グループに分かれておしゃべり（困ったこと、うれしかったこと）',
      '- センターからのお知らせ',
      '',
      '**託児があります。** お孫さんなど、お子さんを連れて来られる方は、申し込みのときに人数をお知らせください。',
    ].join('\n'),
    startsAt: tokyoInstant(meetingOn, '10:00').toISOString(),
    endsAt: tokyoInstant(meetingOn, '12:00').toISOString(),
    venue: 'みどり市民センター 3階 和室',
    capacity: 20,
    audience: 'helpers',
    childcare: true,
  });
  await createEvent(deps, staff, {
    kind: 'lecture',
    title: '講演会「子どもの心と体の育ち ― 0歳から小学生まで」',
    description: [
      '小児科医の 森下 ひろみ 先生（みどり小児科クリニック）をお招きし、子どもの心と体の育ちについてお話しいただきます。',
      '',
      '会員でない方も、どなたでも参加できます。お子さんの年齢に合わせた質問コーナーもあります。',
      '',
      '## 持ち物',
      '- 筆記用具',
      '- 上履き（ホールは土足禁止です）',
    ].join('\n'),
    startsAt: tokyoInstant(lectureOn, '13:30').toISOString(),
    endsAt: tokyoInstant(lectureOn, '15:30').toISOString(),
    venue: 'みどり市役所 別館 多目的ホール',
    capacity: 80,
    audience: 'public',
    childcare: false,
  });
  // A few helpers have signed up for the meeting already (not the demo helper: she can try).
  const helpers = await deps.db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .select('member.id')
    .where('member.helper_status', '=', 'active')
    .where('user.email', '<>', 'helper@example.jp')
    .orderBy('member.member_no')
    .limit(3)
    .execute();
  for (const [i, h] of helpers.entries()) {
    await registerForEvent(deps, staff, meeting.id, h.id, {
      byStaff: true,
      children: i === 0 ? 1 : 0,
    });
  }
}
