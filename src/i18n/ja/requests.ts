/** Requests, matching, pre-meetings: rule messages and notification texts. */
export const requests = {
  'validation.time': '時刻を「09:30」の形で入力してください。',
  'validation.children_required_request': 'お子さんを1人以上選んでください。',
  'rule.lead_time':
    '申し込みは、利用日の前日{cutoffJa}までにお願いします。お急ぎの場合はセンターにお電話ください。',
  'rule.infant_time_limit': '生後{months}か月未満のお子さんの預かりは、1回{hours}時間までです。',
  'rule.service_hours': '援助活動は、同じ日の{startJa}から{endJa}までの間でお願いします。',
  'rule.too_many_children': '一度に預けられるお子さんの人数を超えています。',
  'rule.past_start': '開始時刻がすでに過ぎています。',
  'rule.child_not_eligible': '選んだお子さんは、この申し込みの対象になりません。',
  'rule.overlapping_request': '同じお子さんの申し込みが、この時間帯にすでにあります。',
  'rule.requester_not_active': '依頼会員として承認されてから申し込めます。',
  'rule.requester_suspended':
    '依頼会員としての利用が一時停止中のため、援助を申し込めません。再開についてはセンターにお問い合わせください。',
  'rule.no_occurrences': '指定した期間と曜日に当てはまる日がありません。',
  'rule.too_many_occurrences': '定期の申し込みは一度に120回までです。期間を短くしてください。',
  'rule.already_matched': 'ほかの提供会員さんがすでに引き受けました。ありがとうございました。',
  'rule.request_cancelled': 'この依頼は取り消されました。',
  'rule.offer_expired': '回答の期限が過ぎました。',
  'rule.helper_double_booked': '同じ時間帯にすでに別の活動が入っています。',
  'rule.helper_not_active':
    '提供会員としての活動が停止中のため、依頼を引き受けることはできません。センターへお問い合わせください。',
  'rule.pre_meeting_in_future':
    '事前打ち合わせは、行った後に記録してください（日付が未来になっています）。',
  'rule.pre_meeting_after_activity':
    'この組み合わせのその年度の最初の活動より後の日付です。事前打ち合わせは援助の前に行うものです。',
  'rule.unknown_helper': '提供会員が見つかりません。',
  'rule.not_qualified': 'この提供会員は、講習の修了状況により紹介できません。',
  'rule.not_active': 'この提供会員は活動中ではありません。',
  'rule.no_sick_child_qualification': '病児・病後児の預かりには、専用の講習の修了が必要です。',
  'rule.unavailable': 'この時間帯は、提供会員の活動できる時間に入っていません。',
  'rule.exception_that_day': 'この日は提供会員の都合が悪い日です。',
  'rule.already_assigned': '同じ時間帯にすでに別の活動が入っています。',
  'rule.child_age_outside_preference': 'お子さんの年齢が、提供会員の希望する年齢に合いません。',
  'rule.blocked_by_family': 'このご家庭からの希望により、紹介できない提供会員です。',
  'rule.is_requester': 'ご自身の依頼は引き受けられません。',
  'rule.no_show_staff_only': '「連絡なしの不在」はセンターが記録します。',
  'rule.unknown_pair': '依頼会員と提供会員の組み合わせが正しくありません。',
  'notification.offer_received.title': '援助の依頼が届きました',
  'notification.offer_received.body': '{when} からの援助を引き受けられるか、回答をお願いします。',
  'notification.offer_closed.title': '依頼は締め切られました',
  'notification.offer_closed.body':
    '{when} の依頼は、ほかの提供会員さんが引き受けました。ご協力ありがとうございました。',
  'notification.request_matched.title': '提供会員が決まりました',
  'notification.request_matched.body': '{when} の援助を引き受ける提供会員が決まりました。',
  'notification.offer_accepted.title': '依頼が引き受けられました',
  'notification.offer_accepted.body': '{requester}さんの {when} の依頼が引き受けられました。',
  'notification.offer_declined.title': '依頼が辞退されました',
  'notification.offer_declined.body': '{helper}さんが {when} の依頼を辞退しました。',
  'notification.request_helper_lost.title': '提供会員が援助できなくなりました',
  'notification.request_helper_lost.body':
    '{when} の援助を予定していた提供会員が援助できなくなりました。センターが新しい提供会員を探し、ご連絡します。',
  'notification.helper_side_ended_staff.title': '提供会員の援助を止めました',
  'notification.helper_side_ended_staff.body':
    '{helper}さんは援助できなくなりました。回答待ちの依頼{offers}件を取り下げ、決定済みの援助{assignments}件が新しい提供会員を必要としています。',
  'notification.request_unfilled.title': '援助者が見つかりませんでした',
  'notification.request_unfilled.body':
    '{when} の援助を引き受ける提供会員が見つからなかったため、申し込みを終了しました。引き続き援助が必要な場合はセンターへお電話ください。',
  'notification.request_assigned.title': '援助活動が決まりました',
  'notification.request_assigned.body': '{when} の援助活動をお願いすることになりました。',
  'notification.request_cancelled.title': '援助活動が取り消されました',
  'notification.request_cancelled.body': '{requester}さんの {when} の援助は取り消されました。',
  'notification.offer_expired.title': '依頼の回答期限が過ぎました',
  'notification.offer_expired.body': '{when} の依頼は回答期限が過ぎたため、締め切られました。',
  'notification.offer_expired_staff.title': '紹介の回答期限切れ',
  'notification.offer_expired_staff.body':
    '{when} の依頼への紹介が、回答のないまま期限切れになりました。',
  'notification.pre_meeting_due.title': '事前打ち合わせをお願いします',
  'notification.pre_meeting_due.body':
    '{when} の援助の前に、事前打ち合わせが必要です。センターから日程のご連絡をします。',
  'notification.pre_meeting_due_staff.title': '事前打ち合わせが未実施です',
  'notification.pre_meeting_due_staff.body':
    '{requester}さんの {when} の援助は、事前打ち合わせがまだ記録されていません。',
  'notification.pre_meeting_recorded.title': '事前打ち合わせを記録しました',
  'notification.pre_meeting_recorded.body': '{date} の事前打ち合わせが記録されました。',
  'notification.activity_reminder.title': '明日の援助活動のお知らせ',
  'notification.activity_reminder.body':
    '{when} の援助活動の前日のお知らせです。都合が悪くなったときは、センターにお電話ください。',
} as const;

export type RequestsMessages = Record<keyof typeof requests, string>;
