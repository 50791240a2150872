/** 病児・緊急対応強化事業の病児の安全策と印刷用の書類 (issue #20 points 3–4). */
export const sickCare = {
  'rule.sick_one_child':
    '病児・病後児の預かりは、お子さん1人ずつです（きょうだいでも別々に申し込んでください）。',
  'rule.checklist_unanswered': '利用できない場合のチェック項目に、すべて答えてください。',
  'rule.sick_excluded':
    '次のことに当てはまるため、病児の預かりはできません：{reasonsJa}。医療機関を受診し、センターにご相談ください（センターにも連絡しました）。',
  'rule.not_sick_care': 'この依頼は病児・病後児の預かりではありません。',
  'rule.doctor_seen_after': '受診日は預かりの日より後にはできません。',
  'rule.doctor_seen_too_early': '受診日は預かりの当日か前日（{earliest}以降）にしてください。',
  'rule.sick_handed_over': 'すでに引き渡しを記録しています。',
  'rule.handover_too_early': '引き渡しは預かりの当日に記録してください。',
  'rule.doctor_note_missing':
    '医師連絡票がまだ記録されていません。保護者か、センターに記録してもらってください。',

  'notification.sick_request_refused.title': '病児の申し込みがチェック項目で止まりました',
  'notification.sick_request_refused.body':
    '{requester}さんの{date}の病児預かりの申し込みは、利用できない場合のチェックで受け付けませんでした。内容を確認し、ご家族に連絡してください。',
  'notification.sick_handover_refused.title': '病児の引き渡しがチェック項目で止まりました',
  'notification.sick_handover_refused.body':
    '{requester}さんの{date}の病児預かりは、引き渡し時のチェックで止まりました。記録を確認してください。',

  'req.checklist': '利用できない場合のチェック（病児）',
  'req.checklistHint':
    '今のお子さんの様子で答えてください。1つでも「はい」のときは、病児の預かりはできません。',
  'req.sickCareLink': '病児保育の記録（医師連絡票・引き渡し・書類）',

  'sick.title': '病児保育の記録',
  'sick.lead':
    '預かりの前に医師の診察を受け、医師連絡票を記録します。引き渡しのとき、提供会員がもう一度チェック項目を確かめ、お子さんの様子を記録します。',
  'sick.request': '預かり',
  'sick.yes': 'はい',
  'sick.no': 'いいえ',
  'sick.checklist.request': '申し込み時のチェック',
  'sick.checklist.handover': '引き渡し時のチェック',
  'sick.checklist.none': '記録がありません。',
  'sick.note.title': '医師連絡票',
  'sick.note.none': 'まだ記録されていません。預かりの前に医師の診察を受けて、記録してください。',
  'sick.note.doctorName': '医師名',
  'sick.note.institution': '医療機関名',
  'sick.note.seenOn': '受診日',
  'sick.note.seenOnHint': '預かりの当日か前日です。',
  'sick.note.diagnosis': '病名（診断名）',
  'sick.note.instructions': '医師の指示（薬・食事・安静・入浴など）',
  'sick.note.save': '医師連絡票を記録する',
  'sick.note.locked': '引き渡しの後は、医師連絡票を変えられません。',
  'sick.proxy.title': '代理受診委任状',
  'sick.proxy.give': '代理受診を委任する（預かり中に提供会員がお子さんを受診させることがあるとき）',
  'sick.proxy.institution': '受診先の医療機関',
  'sick.proxy.reason': '委任の理由・受診の内容',
  'sick.proxy.none': '委任していません。',
  'sick.handover.title': '引き渡し',
  'sick.handover.none': 'まだ引き渡していません。',
  'sick.handover.temperature': '体温（℃）',
  'sick.handover.childState': 'お子さんの様子（機嫌・食事・薬・排せつなど）',
  'sick.handover.save': '引き渡しを記録する',
  'sick.handover.recordedAt': '記録日時',
  'sick.refusals.title': 'チェックで止まった引き渡し',
  'sick.forms.title': '印刷用の書類',
  'sick.flash.note': '医師連絡票を記録しました。',
  'sick.flash.handover': '引き渡しを記録しました。',

  'sickForm.print': '印刷する',
  'sickForm.back': '病児保育の記録に戻る',
  'sickForm.request.title': '病児預かり依頼書',
  'sickForm.request.lead': '下記のとおり、病児・病後児の預かりを依頼します。',
  'sickForm.doctorNote.title': '医師連絡票',
  'sickForm.doctorNote.lead':
    'ファミリー・サポート・センターの提供会員が病児・病後児をお預かりするにあたり、病状と注意点をお知らせください。',
  'sickForm.proxy.title': '代理受診委任状',
  'sickForm.proxy.lead': '私は、下記の提供会員に、子の医療機関への受診（付き添い）を委任します。',
  'sickForm.to': '{center} 御中',
  'sickForm.issuer': '{center}',
  'sickForm.parent': '保護者（依頼会員）',
  'sickForm.child': 'お子さん',
  'sickForm.birthDate': '生年月日',
  'sickForm.when': '預かりの日時',
  'sickForm.place': '預かりの場所',
  'sickForm.helper': '提供会員',
  'sickForm.helperNone': '（未定）',
  'sickForm.partners': '連携医療機関',
  'sickForm.checklist': '利用できない場合のチェック（申し込み時）',
  'sickForm.written': '記入日',
  'sickForm.parentSignature': '保護者署名',
  'sickForm.doctorSignature': '医師署名',
} as const;

export type SickCareMessages = Record<keyof typeof sickCare, string>;
