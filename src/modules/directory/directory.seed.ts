/**
 * The demo center's directory: a fictional but realistic child-rearing support network of
 * みどり市 (子ども食堂, play parks, study support, parents' circles, grief care, advice desks),
 * spread over all eight areas, and one "referred to" note for the demo parent. Names, places
 * and numbers are made up. Built through the domain functions (both runtimes).
 */
import type { AppDeps, CurrentUser } from '../../context.js';
import { addDaysToDate, tokyoDateOf } from '../../lib/dates.js';
import type { GroupInput } from './directory.schemas.js';
import { addReferral, createGroup } from './directory.service.js';

type Seed = Omit<GroupInput, 'url' | 'ageMin' | 'ageMax' | 'schedule' | 'contact' | 'description'> &
  Partial<Pick<GroupInput, 'url' | 'ageMin' | 'ageMax' | 'schedule' | 'contact' | 'description'>>;

export const DEMO_GROUPS: Seed[] = [
  {
    name: 'みどり中央こども食堂「ひだまり」',
    kind: 'food',
    area: 'chuo',
    schedule: '毎月第2・第4土曜日 11:30〜14:00',
    contact: '代表 岡田（電話 0120-000-201）',
    ageMin: 0,
    ageMax: 15,
    description:
      '中央公民館の調理室で、手作りの昼ごはんを囲みます。子どもは無料、大人は300円。予約はいりません。',
    url: 'https://hidamari.example.jp/',
  },
  {
    name: '北町こども食堂 もぐもぐ',
    kind: 'food',
    area: 'kita',
    schedule: '毎週水曜日 17:00〜19:00',
    contact: '北町商店会 事務局（電話 0120-000-202）',
    ageMin: 3,
    ageMax: 18,
    description: '仕事帰りの親子も立ち寄れる夕ごはんの食堂です。宿題コーナーもあります。',
  },
  {
    name: '東みどり地域食堂 おむすび',
    kind: 'food',
    area: 'higashi',
    schedule: '毎月第1日曜日 12:00〜14:00',
    contact: '東みどり自治会館（電話 0120-000-203）',
    description: '子どもから高齢の方まで、だれでも来られる地域の食堂です。子どもは無料。',
  },
  {
    name: '南町フードパントリー',
    kind: 'food',
    area: 'minami',
    schedule: '毎月第3金曜日 16:00〜18:00（事前登録制）',
    contact: '南町フードパントリー実行委員会（電話 0120-000-204）',
    ageMin: 0,
    ageMax: 18,
    description:
      'お米や日用品を無料でお渡しします。ひとり親家庭など、子育て中の家庭が対象です。秘密は守ります。',
  },
  {
    name: 'みどり川プレーパーク',
    kind: 'play',
    area: 'kawabe',
    schedule: '毎週土・日曜日 10:00〜16:00（雨天中止）',
    contact: 'NPO法人 あそびの森（電話 0120-000-205）',
    ageMin: 0,
    ageMax: 12,
    description:
      '「自分の責任で自由に遊ぶ」冒険遊び場です。木登り、泥んこ、たき火。プレーリーダーが見守ります。',
    url: 'https://asobinomori.example.jp/',
  },
  {
    name: '桜台公園 おさんぽ広場',
    kind: 'play',
    area: 'sakuradai',
    schedule: '毎週火曜日 10:00〜11:30',
    contact: '桜台児童館（電話 0120-000-206）',
    ageMin: 0,
    ageMax: 3,
    description: '保育士と一緒に公園で外遊び。歩き始めた子も、ねんねの赤ちゃんも歓迎です。',
  },
  {
    name: '西町児童館 あそびのひろば',
    kind: 'play',
    area: 'nishi',
    schedule: '月〜土曜日 9:00〜17:00（日曜・祝日休館）',
    contact: '西町児童館（電話 0120-000-207）',
    ageMin: 0,
    ageMax: 18,
    description: '乳幼児の親子ひろばと、小中高生の居場所があります。予約不要・無料です。',
  },
  {
    name: '緑が丘 森のようちえん ぴっころ',
    kind: 'play',
    area: 'midorigaoka',
    schedule: '毎週木曜日 9:30〜12:00',
    contact: '代表 村上（電話 0120-000-208）',
    ageMin: 2,
    ageMax: 6,
    description: '緑が丘の雑木林で、季節の自然遊び。見学はいつでもどうぞ。',
  },
  {
    name: 'まなびば北町（無料学習支援）',
    kind: 'study',
    area: 'kita',
    schedule: '毎週月・木曜日 18:00〜20:00',
    contact: 'みどり市社会福祉協議会（電話 0120-000-209）',
    ageMin: 9,
    ageMax: 15,
    description: '大学生ボランティアと一緒に宿題や受験勉強。軽食があります。',
  },
  {
    name: 'てらこや東みどり',
    kind: 'study',
    area: 'higashi',
    schedule: '毎週土曜日 13:00〜16:00',
    contact: '東みどり寺子屋の会（電話 0120-000-210）',
    ageMin: 6,
    ageMax: 12,
    description: '退職した先生たちが、小学生の勉強を見ます。将棋や書道の日もあります。',
  },
  {
    name: '中央図書館 こども読書ボランティア「おはなしの会」',
    kind: 'study',
    area: 'chuo',
    schedule: '毎月第1・第3土曜日 14:00〜14:30',
    contact: 'みどり市立中央図書館（電話 0120-000-211）',
    ageMin: 2,
    ageMax: 8,
    description: '絵本の読み聞かせと手遊び。申し込みはいりません。',
  },
  {
    name: 'つくしんぼの会（障がいのある子の親の会）',
    kind: 'disability',
    area: 'chuo',
    schedule: '毎月第3水曜日 10:00〜12:00',
    contact: '代表 森田（電話 0120-000-212）',
    description:
      '発達障がいや身体障がいのある子を育てる親の集まりです。情報交換やおしゃべり、学習会。初めての方も歓迎です。',
  },
  {
    name: '医療的ケア児の家族の会 こもれび',
    kind: 'disability',
    area: 'minami',
    schedule: '隔月の第2土曜日 13:30〜15:30',
    contact: 'みどり市障がい福祉課 気付（電話 0120-000-213）',
    ageMin: 0,
    ageMax: 18,
    description: '医療的ケアが必要な子どもと家族の交流会。きょうだい児の遊びの時間もあります。',
  },
  {
    name: 'ダウン症の子の親子サークル スマイル',
    kind: 'disability',
    area: 'sakuradai',
    schedule: '毎月第4日曜日 10:00〜12:00',
    contact: '代表 佐々木（電話 0120-000-214）',
    ageMin: 0,
    ageMax: 12,
    description: '親子でリトミックや季節の行事を楽しみます。先輩ママ・パパに相談もできます。',
  },
  {
    name: 'グリーフケアの会 わすれな草',
    kind: 'grief',
    area: 'nishi',
    schedule: '毎月第2金曜日 19:00〜20:30',
    contact: 'みどり市保健センター（電話 0120-000-215）',
    description:
      '大切な家族を亡くした方の分かち合いの会です。お子さんを亡くした方、親を亡くした子どもの家族も参加できます。',
  },
  {
    name: '子どもグリーフサポート ひとやすみ',
    kind: 'grief',
    area: 'kawabe',
    schedule: '毎月第4土曜日 10:00〜12:00（要予約）',
    contact: 'NPO法人 ひとやすみ（電話 0120-000-216）',
    ageMin: 5,
    ageMax: 18,
    description: '家族を亡くした子どもが、遊びやおしゃべりを通して気持ちを表せる場です。',
  },
  {
    name: '子育てサロン ぽかぽか（中央）',
    kind: 'parents',
    area: 'chuo',
    schedule: '毎週金曜日 10:00〜12:00',
    contact: '中央地区 民生委員・児童委員（電話 0120-000-217）',
    ageMin: 0,
    ageMax: 3,
    description: '赤ちゃんと一緒に来られるサロンです。身長・体重の測定や、育児相談もあります。',
  },
  {
    name: 'ふたごみつごの会 みどり',
    kind: 'parents',
    area: 'midorigaoka',
    schedule: '毎月第1月曜日 10:00〜11:30',
    contact: '代表 長谷川（電話 0120-000-218）',
    ageMin: 0,
    ageMax: 6,
    description: '多胎児を育てる家族の集まり。妊娠中の方も参加できます。',
  },
  {
    name: 'パパの子育てひろば',
    kind: 'parents',
    area: 'higashi',
    schedule: '毎月第2土曜日 10:00〜12:00',
    contact: '東みどり子育て支援センター（電話 0120-000-219）',
    ageMin: 0,
    ageMax: 6,
    description: 'お父さんと子どもが一緒に遊べる日。お父さん同士の情報交換もどうぞ。',
  },
  {
    name: 'ひとり親のしゃべり場',
    kind: 'parents',
    area: 'kita',
    schedule: '毎月最終日曜日 14:00〜16:00（託児あり）',
    contact: 'みどり市ひとり親家庭支援センター（電話 0120-000-220）',
    description: 'ひとり親同士で気軽に話せる会です。養育費や手当の相談員も同席します。',
  },
  {
    name: 'みどり市子育て世代包括支援センター',
    kind: 'consultation',
    area: 'chuo',
    schedule: '平日 8:30〜17:15',
    contact: '電話 0120-000-221',
    description: '妊娠から子育てまでの相談窓口です。保健師・助産師が、電話や面談で相談に応じます。',
    url: 'https://www.city-midori.example.jp/kosodate/',
  },
  {
    name: '子ども家庭相談 ほっとライン',
    kind: 'consultation',
    area: 'nishi',
    schedule: '毎日 9:00〜21:00',
    contact: '電話 0120-000-222（通話無料）',
    ageMin: 0,
    ageMax: 18,
    description:
      '子育ての悩み、子ども自身の悩み、どちらも受け付けます。名前を言わなくても相談できます。',
  },
  {
    name: '川辺 子ども会 夏まつり実行委員会',
    kind: 'other',
    area: 'kawabe',
    schedule: '毎年8月第1土曜日（準備の集まりは6月から）',
    contact: '川辺自治会（電話 0120-000-223）',
    ageMin: 3,
    ageMax: 15,
    description: '地域の夏まつり。子どもみこしや屋台のお手伝いができます。',
  },
];

export async function seedDirectoryDemo(deps: AppDeps, staff: CurrentUser): Promise<void> {
  const created = new Map<string, string>();
  for (const g of DEMO_GROUPS) {
    const group = await createGroup(deps, staff, {
      schedule: '',
      contact: '',
      description: '',
      ageMin: null,
      ageMax: null,
      url: null,
      ...g,
    });
    created.set(group.name, group.id);
  }
  // The demo parent was pointed to the sandbox park and the Friday salon last month.
  const parent = await deps.db
    .selectFrom('member')
    .innerJoin('user', 'user.id', 'member.user_id')
    .select('member.id')
    .where('user.email', '=', 'parent@example.jp')
    .executeTakeFirst();
  const salon = created.get('子育てサロン ぽかぽか（中央）');
  if (parent && salon) {
    await addReferral(deps, staff, parent.id, {
      groupId: salon,
      referredOn: addDaysToDate(tokyoDateOf(deps.clock.now()), -24),
      note: '下の子の夜泣きで疲れているとのこと。同じ月齢の親子が多い金曜のサロンを案内した。',
    });
  }
}
