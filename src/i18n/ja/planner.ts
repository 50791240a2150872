/** 週間調整プラン (/staff/planner): the weekly planner's review screen. */
export const planner = {
  'planner.nav': '週間調整プラン',
  'planner.title': '週間調整プラン',
  'planner.lead':
    '期間内の未決定の依頼すべてに、条件に合う提供会員を一度に提案します。優先順位は、できるだけ多くの依頼を埋めること、担当したことのある組み合わせ、負担の偏りを減らすこと、同じ地区の順です。1人1日{max}件まで。内容を確かめ、必要なら担当を変えてから、まとめて紹介を送ってください。',
  'planner.from': '開始日',
  'planner.to': '終了日',
  'planner.makePlan': 'プランを作る',
  'planner.range': '{from}〜{to}',
  'planner.coverage': '{total}件中{covered}件に担当者を提案',
  'planner.bound': '（理論上の上限 {bound}件）',
  'planner.boundHelp':
    '上限は、どのように組み合わせてもこれ以上は埋められないことが証明された件数です。提案がこの数に近いほど、改善の余地はありません。',
  'planner.empty': 'この期間に、担当者を探している依頼はありません。',
  'planner.plan.title': '提案',
  'planner.plan.help':
    '担当を変えるときは、各行の一覧から選んでください（選べるのは、プラン全体の条件を守れる提供会員だけです）。変えたら「プランを確認」、よければ「すべての紹介を送る」を押してください。',
  'planner.check': 'プランを確認',
  'planner.send': 'すべての紹介を送る',
  'planner.unassigned': '担当者なし',
  'planner.unassigned.title': '担当者が決まらない依頼（{count}件）',
  'planner.col.helper': '提案する提供会員',
  'planner.change': '担当を変える',
  'planner.option': '{name}さん（{reasons}）',
  'planner.option.remove': '— 提案から外す —',
  'planner.option.none': '— 担当者なし —',
  'planner.option.invalid': '{name}さん（条件に合いません）',
  'planner.changed': '変更あり',
  'planner.reason.paired': '継続',
  'planner.reason.sameArea': '同じ地区',
  'planner.reason.otherArea': '別の地区',
  'planner.reason.recent': '直近90日 {count}回',
  'planner.reason.inRange': '期間内 {count}件',
  'planner.reason.separator': '・',
  'planner.rowLabel': '{when} {family}さん',
  'planner.unknownHelper': '（不明な会員）',
  'planner.problem.not_candidate':
    '{name}さんは、この依頼の条件に合いません（候補ではありません）。',
  'planner.problem.overlap_existing': '{name}さんは、この時間にすでに別の活動があります。',
  'planner.problem.overlap_planned':
    '{name}さんには、同じ時間にプランの別の依頼（{other}）があります。',
  'planner.problem.day_cap': '{name}さんのこの日の活動が{count}件になり、上限の{cap}件を超えます。',
  'planner.problem.invalid': 'この割り当てはプランの条件を満たしていません。',
  'planner.problem.why.no_eligible_helper':
    '条件（資格・活動できる日時・お子さんの人数や年齢・お断りの会員）に合う提供会員がいません。依頼の画面で理由を確認できます。',
  'planner.problem.why.all_eligible_helpers_busy':
    '候補の{count}人は全員、この時間か日にすでに活動が入っています。',
  'planner.problem.why.eligible_helpers_taken_by_plan':
    '候補の{count}人は全員、このプランの別の依頼を担当しています。',
  'planner.problem.why.helper_available': '候補のうち{free}人が空いています。一覧から選べます。',
  'planner.problem.why.assigned': '担当者が決まっています。',
  'planner.problem.why.invalid_interval': '依頼の時間が正しくありません。',
  'planner.problem.why.unknown_request': 'この依頼はプランの対象ではありません。',
  'planner.error.date': '日付を選んでください。',
  'planner.error.order': '終了日は開始日以降の日にしてください。',
  'planner.error.tooLong': '一度に計画できるのは14日間までです。',
  'planner.alert.valid': 'プランは条件をすべて満たしています。',
  'planner.alert.invalid':
    'プランに条件を満たさない割り当てがあります。印の付いた行を直してください。',
  'planner.alert.gone':
    '次の依頼は、ほかで決定・紹介・取り消しされたため、プランから外しました。ほかの選択はそのままです。',
  'planner.alert.invalidNotSent':
    '紹介は送っていません。プランに条件を満たさない割り当てがあります。印の付いた行を直してから、もう一度送ってください。',
  'planner.alert.goneNotSent':
    '紹介は送っていません。次の依頼はほかで決定・紹介・取り消しされたため、プランから外しました。内容を確かめてから、もう一度送ってください。',
  'planner.alert.nothing': '送る紹介がありません。少なくとも1件に担当者を選んでください。',
  'planner.timeline.title': '提供会員ごとの予定',
  'planner.timeline.help': 'プランで担当する依頼と、すでに入っている活動・回答待ちの紹介です。',
  'planner.kind.planned': 'プラン',
  'planner.kind.matched': '決定済み',
  'planner.kind.offered': '回答待ち',
  'planner.sent.title': '紹介を送りました',
  'planner.sent.summary': '{sent}件の紹介を送りました。',
  'planner.sent.failedSummary': '{failed}件は送れませんでした。',
  'planner.sent.failedTitle': '送れなかった紹介',
  'planner.sent.sentTitle': '送った紹介',
  'planner.sent.help': '提供会員が「依頼の紹介」の画面で引き受けると、依頼が決定します。',
  'planner.sent.again': 'プランを作り直す',
} as const;

export type PlannerMessages = Record<keyof typeof planner, string>;
