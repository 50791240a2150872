/** 病児・緊急対応強化事業 (issue #20): settings, requests in the programme, fee bands. */
export const programme = {
  'fees.band.programme_sick': '病児・病後児（日中）',
  'fees.band.programme_emergency': '緊急（平日日中）',
  'fees.band.programme_holiday': '緊急（土日祝・年末年始の日中）',
  'fees.band.programme_early': '早朝',
  'fees.band.programme_late': '夜間',
  'fees.band.programme_overnight': '宿泊（深夜）',
  // Programme lines may fall on two days: 「1人目 宿泊（深夜） 2027-11-02 22:00–24:00」
  'fees.lineDated': '{child} {band} {date} {from}–{to}',

  'rule.programme_off': 'このセンターでは、病児・緊急対応強化事業の申し込みを受け付けていません。',
  'rule.programme_category':
    '病児・病後児の預かりは「病児」、早朝・夜間等の緊急預かりは「緊急」として申し込んでください。',
  'rule.programme_required':
    '病児・病後児の預かりは、病児・緊急対応強化事業（「病児」）として申し込んでください。',
  'rule.programme_once': '病児・緊急の申し込みは1回ずつです。定期の申し込みにはできません。',
  'rule.programme_hours':
    '病児・緊急の預かりは、同じ日の{programmeStartJa}から{programmeEndJa}までの間でお願いします。',
  'rule.programme_max_hours': '病児・緊急の預かりは、1回{programmeMaxHours}時間までです。',
  'req.programme': '病児・緊急対応強化事業',
  'req.programme.none': '通常の援助',
  'req.programme.sick': '病児・病後児の預かり（病児）',
  'req.programme.emergency': '早朝・夜間・宿泊の緊急預かり（緊急）',
  'req.programme.hint':
    '病児・緊急を選ぶと、活動の内容はそれに決まります。宿泊（日をまたぐ預かり）は終了日を入れてください。',
  'req.endDate': '終了日（日をまたぐとき）',
  'req.endDateHint': '宿泊など、翌日に終わるときだけ入力します。',

  'settings.section.programme': '病児・緊急対応強化事業',
  'settings.programme.lead':
    '病気や病気回復期の子どもの預かりと、早朝・夜間・宿泊の緊急預かりを行う事業です。「実施する」にすると、申し込みで病児・緊急を選べるようになります。料金は報酬基準（適用開始日ごと）で設定します。',
  'settings.programme.enabled': '事業の実施',
  'settings.programme.enabled.yes': '実施する',
  'settings.programme.enabled.no': '実施しない',
  'settings.programme.hours': '事業の時間帯',
  'settings.programme.hoursHint':
    '宿泊を認めないときは、この時間帯の中で行います（終了は24:00まで入力できます）。',
  'settings.programme.serviceStart': '開始時刻',
  'settings.programme.serviceEnd': '終了時刻',
  'settings.programme.overnight': '宿泊（日をまたぐ預かり）',
  'settings.programme.overnight.yes': '認める',
  'settings.programme.overnight.no': '認めない',
  'settings.programme.maxHours': '1回の最長時間（時間）',
  'settings.programme.maxHoursHint': '1〜48。標準は24時間です。',
  'settings.programme.partners': '連携医療機関',
  'settings.programme.partnersHint':
    '1行に1か所、「名称,電話番号,備考」の形で入力します（備考は省略できます）。',
  'settings.programme.exclusions': '利用できない場合（除外基準）のチェック項目',
  'settings.programme.exclusionsHint':
    '1行に1項目、「記号,日本語の文,英語の文」の形で入力します。記号は半角英小文字・数字・ハイフンです。申し込み時と引き渡し時に、1つでも「はい」があれば預かりません。',
  'settings.programme.lineFormat': '項目の数が違います。カンマで区切って入力してください。',
  'settings.error.exclusionsEmpty': 'チェック項目を1つ以上入力してください。',
  'settings.error.itemDuplicate': '同じ記号の項目が2つあります。',

  'feeTables.programme': '病児・緊急対応強化事業の料金（1時間あたり・子ども1人）',
  'feeTables.programmeBands': '病児・緊急の時間帯の区切り',
  'feeTables.programme.earlyStart': '早朝の開始',
  'feeTables.programme.dayStart': '日中の開始',
  'feeTables.programme.lateStart': '夜間の開始',
  'feeTables.programme.overnightStart': '宿泊（深夜）の開始',
  'feeTables.programme.bandsHint':
    '早朝・日中・夜間・宿泊の順に、1日の中で後になる時刻を入力します。宿泊は翌日の早朝の開始までです。',
  'feeTables.programme.sick': '病児・病後児（日中）',
  'feeTables.programme.emergency': '緊急（平日の日中）',
  'feeTables.programme.holiday': '緊急（土日祝・年末年始の日中）',
  'feeTables.programme.early': '早朝',
  'feeTables.programme.late': '夜間',
  'feeTables.programme.overnight': '宿泊（深夜）',
} as const;

export type ProgrammeMessages = Record<keyof typeof programme, string>;
