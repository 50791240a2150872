/** Help categories as data (援助内容, issue #19 point 4): the admin page and the national table. */
export const helpCategories = {
  'helpCategories.title': '援助内容（活動の種類）',
  'helpCategories.lead':
    '依頼と活動報告で選ぶ援助内容の名前・並び順・選べるかどうか、送迎のみ・病児の区分、国の実施状況調査でどの区分に数えるかを設定します。使われている援助内容は削除できず、使わないようにする（新しい依頼で選べなくする）ことだけができます。',
  'helpCategories.col.code': '番号',
  'helpCategories.col.label': '名前',
  'helpCategories.col.order': '並び順',
  'helpCategories.col.active': '選べる',
  'helpCategories.col.transportOnly': '送迎のみ',
  'helpCategories.col.sickChild': '病児',
  'helpCategories.col.national': '国の調査の区分',
  'helpCategories.col.inUse': '使用中',
  'helpCategories.yes': 'はい',
  'helpCategories.inactive': '使わない',
  'helpCategories.back': '援助内容の一覧へ',
  'helpCategories.editTitle': '援助内容 {code}：{label}',
  'helpCategories.field.labelJa': '名前（日本語）',
  'helpCategories.field.labelEn': '名前（英語）',
  'helpCategories.field.sortOrder': '並び順',
  'helpCategories.field.nationalCategory': '国の実施状況調査の区分',
  'helpCategories.field.active': '新しい依頼で選べる',
  'helpCategories.field.transportOnly': '送迎のみの区分',
  'helpCategories.field.sickChild': '病児・病後児の預かりの区分',
  'helpCategories.hint.sortOrder': '小さい順に並びます（0〜999）。',
  'helpCategories.hint.active':
    '外すと新しい依頼では選べなくなります。これまでの依頼・活動・報告はそのままです。',
  'helpCategories.hint.transportOnly':
    '活動の区分がすべて送迎のみのとき、無償化の対象の預かりとせず、補助の「送迎のみを除く」の対象にします。',
  'helpCategories.hint.sickChild':
    '報告の「病児・病後児」に数え、病児・緊急対応強化事業の実施中は事業として申し込む必要があります。',
  'helpCategories.save': '保存する',
  'helpCategories.delete': 'この援助内容を削除する',
  'helpCategories.inUseHint':
    'この援助内容は依頼や活動で使われているため削除できません。使わない場合は「新しい依頼で選べる」を外してください。',
  'helpCategories.inUse':
    'この援助内容は依頼や活動で使われているため削除できません。使わないようにしてください。',
  'helpCategories.saved': '援助内容 {code} を保存しました。',
  'helpCategories.deleted': '援助内容 {code} を削除しました。',
  'rule.category_inactive': 'この援助内容は現在選べません。ほかの援助内容を選んでください。',
  // The activity categories of the national survey (子育て援助活動支援事業 実施状況調査).
  'helpCategories.national.transport': '送迎（保育施設・習い事等）',
  'helpCategories.national.before_after_childcare': '保育施設・放課後児童クラブの前後の預かり',
  'helpCategories.national.after_school': '学校の放課後の預かり',
  'helpCategories.national.parent_illness': '保護者の病気・急用等の預かり',
  'helpCategories.national.family_events': '冠婚葬祭・他の子の学校行事の際の預かり',
  'helpCategories.national.outings': '買い物等外出の際の預かり',
  'helpCategories.national.work': '保護者の就労・求職の際の預かり',
  'helpCategories.national.sick_child': '病児・病後児の預かり',
  'helpCategories.national.emergency': '早朝・夜間等の緊急預かり',
  'helpCategories.national.other': 'その他',
  'reports.section.byNationalCategory': '国の実施状況調査の区分別',
  'reports.national.codes': '含む援助内容',
} as const;
