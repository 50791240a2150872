/** Members, children, orientations: validation and rule messages, pages. */
export const members = {
  'validation.katakana': 'カタカナで入力してください（ひらがなは自動でカタカナにします）。',
  'validation.date': '正しい日付を入力してください（例：2020-04-01）。',
  'validation.phone': '電話番号を入力してください（例：090-1234-5678）。',
  'validation.phone_chars': '電話番号は数字とハイフンで入力してください（例：090-1234-5678）。',
  'validation.phone_start': '電話番号は市外局番の0から入力してください（例：042-123-4567）。',
  'validation.phone_too_short':
    '電話番号の桁が足りません。市外局番から10桁か11桁で入力してください。',
  'validation.phone_too_long':
    '電話番号の桁が多すぎます。市外局番から10桁か11桁で入力してください。',
  'validation.email_no_at': 'メールアドレスに「@」がありません（例：name@example.jp）。',
  'validation.email_space': 'メールアドレスに空白が入っています。空白を消してください。',
  'validation.email_japanese_dot':
    'メールアドレスに「。」や「、」が入っています。「.」（ドット）に直してください。',
  'validation.email_full_width':
    'メールアドレスに全角の文字（ひらがな・漢字など）が入っています。半角英数字で入力してください。',
  'validation.postal_code': '郵便番号は7桁で入力してください（例：123-4567）。',
  'validation.consent_terms': '利用規約への同意が必要です。',
  'validation.children_required': '依頼会員はお子さんを1人以上登録してください。',
  'validation.two_emergency_contacts':
    '依頼会員は緊急連絡先を2件以上登録してください（ご本人以外）。',
  'validation.range': '下限が上限を超えています。',
  'validation.end_after_start': '終了は開始より後にしてください。',
  'rule.helper_too_young': '提供会員は{age}歳以上の方が登録できます。',
  'rule.no_eligible_child': '依頼会員は、センターの対象年齢のお子さんがいる方が登録できます。',
  'rule.no_eligible_child.end_of_preschool':
    '依頼会員は、生後{days}日から小学校入学前までのお子さんがいる方が登録できます。',
  'rule.no_eligible_child.end_of_elementary':
    '依頼会員は、生後{days}日から小学校6年生までのお子さんがいる方が登録できます。',
  'rule.no_eligible_child.end_of_junior_high':
    '依頼会員は、生後{days}日から中学校3年生までのお子さんがいる方が登録できます。',
  'rule.child_too_old': 'センターの対象年齢を過ぎたお子さんは登録できません。',
  'rule.child_too_old.end_of_preschool': '小学校に入学したお子さんは登録できません。',
  'rule.child_too_old.end_of_elementary': '小学校を卒業したお子さんは登録できません。',
  'rule.child_too_old.end_of_junior_high': '中学校を卒業したお子さんは登録できません。',
  'rule.child_not_born': '生年月日が未来の日付になっています。',
  'rule.health_consent_required':
    'アレルギーや健康に関する情報を登録するには、健康情報の取り扱いへの同意が必要です。',
  'rule.orientation_required': '依頼会員として承認するには、会員説明会への出席が必要です。',
  'rule.no_such_side': 'この会員にはその会員種別がありません。',
  'rule.orientation_full': 'この説明会は定員に達しています。別の日程を選んでください。',
  'rule.already_registered': 'この説明会にはすでに申し込み済みです。',
  'rule.orientation_not_started': 'まだ始まっていない説明会の出欠は記録できません。',
  'rule.orientation_past': 'この説明会はすでに終了しています。',
  'rule.member_withdrawn': '退会した会員です。',
  'rule.unknown_member': '登録されていない会員が含まれています。',
  'rule.two_emergency_contacts': '緊急連絡先は2件以上必要なため、削除できません。',
  'rule.invalid_transition': 'この会員の状態では、その操作はできません。画面を更新してください。',
  'rule.already_withdrawn': 'すでに退会しています。',
} as const;

export type MembersMessages = Record<keyof typeof members, string>;
