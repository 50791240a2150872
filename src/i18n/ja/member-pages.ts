/** Member-facing pages: the application form and the member's own pages (マイページ). */
export const memberPages = {
  // Navigation and entry points
  'my.nav': 'マイページ',
  'my.homeAction': 'マイページ（登録内容・お子さん・連絡先）',
  'my.homeOrientations': '会員説明会の申し込み',
  'apply.staffHomeAction': '申込書の代理入力',
  'apply.loginLink': 'はじめての方：会員登録の申し込み',
  'form.backToMy': 'マイページへ戻る',
  'form.optional': '任意',

  // Fields of a member
  'memberField.kind': '会員の種類',
  'memberField.name': '氏名',
  'memberField.nameKana': '氏名（フリガナ）',
  'memberField.birthDate': '生年月日',
  'memberField.email': 'メールアドレス',
  'memberField.password': 'パスワード',
  'memberField.phone': '電話番号',
  'memberField.postalCode': '郵便番号',
  'memberField.address': '住所',
  'memberField.area': '地区',
  'memberField.memberNo': '会員番号',
  'hint.name': '例：田中 さくら',
  'hint.kana': 'カタカナ（ひらがなも可）。例：タナカ サクラ',
  'hint.kanaShort': 'カタカナ（ひらがなも可）',
  'hint.birthDate': '西暦で入力してください。例：1990-05-01',
  'hint.childName': '例：田中 はると',
  'hint.childBirthDate': '例：2022-08-15',
  'hint.phoneExample': '例：090-1234-5678',
  'hint.phone': '日中に連絡がとれる番号。例：090-1234-5678（ハイフンなしでも可）',
  'hint.postalCode': '例：123-4567',
  'hint.address': '例：みどり市中央1-2-3 みどりハイツ101',
  'hint.email': 'ログインとセンターからのお知らせに使います。',
  'hint.area': 'お住まいの地区を選んでください。',
  'hint.choose': '選んでください',

  // Fields of a child
  'childField.name': 'お子さんの氏名',
  'childField.nameKana': 'お子さんの氏名（フリガナ）',
  'childField.sex': '性別',
  'childField.birthDate': 'お子さんの生年月日',
  'childField.school': '保育園・幼稚園・学校',
  'childField.schoolHint': '例：みどり保育園、みどり小学校 2年',
  'childField.allergies': 'アレルギー',
  'childField.allergiesHint': '食べ物・薬など。ない場合は空欄。',
  'childField.healthNotes': '健康上の注意',
  'childField.healthNotesHint': '持病、けいれんの既往、服薬など。',
  'childField.familyDoctor': 'かかりつけ医',
  'childField.familyDoctorHint': '例：みどり小児科（042-000-0000）',
  'childField.healthLegend': '健康に関する情報',
  'childField.healthLead':
    'お子さんを安全に預かるための情報です。センター職員と、お子さんの援助を担当する提供会員だけが見ます。',
  'sex.female': '女の子',
  'sex.male': '男の子',
  'sex.other': 'その他',
  'sex.unspecified': '答えない',

  // Fields of a contact (emergency contacts and people who may pick a child up)
  'contactField.name': '氏名',
  'contactField.relation': '続柄',
  'contactField.relationHint': '例：夫、母、姉',
  'contactField.phone': '電話番号',

  // Statuses of a side
  'sideStatus.applied': '申し込み中',
  'sideStatus.active': '承認済み',
  'sideStatus.suspended': '一時停止中',
  'sideStatus.withdrawn': '退会',

  // The application form
  'apply.title': '会員登録の申し込み',
  'apply.lead':
    'ファミリー・サポート・センターの会員登録を申し込みます。入力には10分ほどかかります。',
  'apply.steps':
    '申し込みのあと、依頼会員の方は会員説明会に、提供会員の方は講習会に参加していただきます。',
  'apply.staffTitle': '申込書の代理入力',
  'apply.staffLead':
    '紙の申込書や電話で受け付けた申し込みを、会員に代わって入力します。入力した職員が記録されます。',
  'apply.kindLegend': '申し込む会員の種類',
  'apply.kind.requesterHint': 'お子さんを預けたい・送迎をお願いしたい方',
  'apply.kind.helperHint': 'お子さんを預かる・送迎するなど、援助をしたい方（20歳以上）',
  'apply.kind.bothHint': '依頼と援助の両方を希望する方',
  'apply.youLegend': 'お申し込みの方',
  'apply.accountLegend': 'ログインの情報',
  'apply.passwordNotKept':
    'ほかの入力はそのまま残しています。パスワードは安全のため消しましたので、もう一度入力してください。',
  'apply.passwordHint': '12文字以上。ほかのサービスと同じものや、よく使われるものは使えません。',
  'apply.staffPassword': '初期パスワード',
  'apply.staffPasswordHint':
    '12文字以上。会員にお伝えし、はじめてのログインの後に変更していただきます。',
  'apply.childrenLegend': 'お子さん（依頼会員・両方会員の方）',
  'apply.childrenLead':
    '預けたいお子さんを1人以上入力してください（生後{minDays}日から小学6年生まで）。3人目からは、登録のあとにマイページで追加できます。提供会員の方は入力不要です。',
  'apply.childLegend': '{n}人目のお子さん',
  'apply.childOptional': '（いない場合は空欄のまま）',
  'apply.contactsLegend': '緊急連絡先',
  'apply.contactsLead':
    'ご本人と連絡がとれないときの連絡先です。依頼会員・両方会員の方は、ご本人以外の方を2件以上入力してください。',
  'apply.contactLegend': '緊急連絡先 {n}',
  'apply.contactOptional': '（3件目は任意）',
  'apply.consentLegend': '同意事項',
  'apply.termsTitle': '利用規約の主な内容（{version}版）',
  'apply.terms.1':
    'センターは、会員どうしの援助活動を紹介・調整します。活動は会員どうしの信頼のもとで行います。',
  'apply.terms.2': '報酬は、活動の後に依頼会員から提供会員へ直接お支払いください。',
  'apply.terms.3': '活動で知ったほかの家庭のことは、退会した後も口外しません（守秘義務）。',
  'apply.terms.4':
    '登録内容に変更があれば、すぐに届け出てください。会員登録は年度ごとに確認します。',
  'apply.terms.5':
    '個人情報はセンターの事業にだけ使い、退会後は定められた期間が過ぎたら削除します。',
  'apply.termsFull': '利用規約の全文は、センターの窓口でお渡ししています。',
  'apply.healthTitle': 'お子さんの健康情報の取り扱い（{version}版）',
  'apply.health.1':
    'アレルギー、健康上の注意、かかりつけ医は、法律で特に慎重な扱いが求められる「要配慮個人情報」です。',
  'apply.health.2':
    'お子さんを安全に預かるためだけに使い、センター職員と、そのお子さんを担当する提供会員だけが見ます。',
  'apply.health.3': '職員や提供会員が見たときは、いつ誰が見たかを記録します。',
  'apply.health.4':
    '同意しなくても会員登録はできます。その場合、これらの情報は登録されません（あとから同意して登録できます）。',
  'apply.consentTerms': '利用規約に同意します',
  'apply.consentHealth': 'お子さんの健康情報の取り扱いに同意します',
  'apply.consentHealthHint': 'アレルギーなどを入力するときは、同意が必要です。',
  'apply.staffConsentHint':
    '申込書の同意欄に本人の署名があることを確かめてから、チェックしてください。',
  'apply.submit': '申し込む',
  'apply.staffSubmit': 'この内容で登録する',
  'apply.ruleTitle': 'このままでは受け付けられません',
  'apply.emailTaken':
    'このメールアドレスはすでに登録されています。ログインするか、別のメールアドレスを入力してください。',
  'apply.done.requester':
    'お申し込みを受け付けました。次に、会員説明会の日程を選んで申し込んでください。説明会に出席し、本人確認のあと会員として承認されます。',
  'apply.done.helper':
    'お申し込みを受け付けました。提供会員として活動するには講習会の受講が必要です。日程はセンターからご案内します。',
  'apply.done.both':
    'お申し込みを受け付けました。次に、会員説明会の日程を選んで申し込んでください。援助を行うには講習会の受講も必要です（日程はセンターからご案内します）。',
  'apply.staffDone': '{name}さんの申し込みを登録しました。',

  // My page (overview)
  'my.title': 'マイページ',
  'my.lead': '{name}さんの会員情報です。',
  'my.memberNoPending': '承認されると発行されます',
  'my.statusTitle': '会員の状態と次にすること',
  'my.next.requester.register':
    '会員説明会に申し込んでください。説明会に出席し、本人確認のあと承認されます。',
  'my.next.requester.registered':
    '{date}の会員説明会に出席してください。本人確認書類（運転免許証など）をお持ちください。',
  'my.next.requester.attended': '説明会への出席を確認しました。センターの承認をお待ちください。',
  'my.next.requester.active': '援助を申し込めます。',
  'my.next.helper.applied':
    '提供会員講習会を受講してください。日程はセンターからご案内します。承認され、講習を修了すると活動できます。',
  'my.next.helper.active': '承認済みです。必要な講習を修了していれば、援助のご依頼をお送りします。',
  'my.next.suspended': '利用を停止しています。詳しくはセンターにお問い合わせください。',
  'my.next.withdrawn': '退会しています。',
  'my.menuTitle': 'メニュー',
  'my.link.profile': '連絡先・住所の変更',
  'my.link.children': 'お子さんの情報',
  'my.link.contacts': '緊急連絡先・お迎えできる人',
  'my.link.helperProfile': '提供会員の活動条件',
  'my.link.orientations': '会員説明会の申し込み',
  'my.next.bookButton': '説明会の日程を選ぶ',
  'my.dataTitle': 'あなたのデータ',
  'my.dataLead': '登録されているあなたの情報を、ファイル（JSON形式）で保存できます。',
  'my.link.data': '登録データをダウンロードする',
  'my.link.withdraw': '退会の手続き',

  // Contact details
  'my.profile.title': '連絡先・住所の変更',
  'my.profile.lead': '電話番号、郵便番号、住所、地区、メールアドレスを変更できます。',
  'my.profile.fixed':
    '氏名・フリガナ・生年月日は本人確認が必要なため、変更はセンターにお申し出ください。',
  'my.profile.submit': '変更を保存する',
  'my.profile.saved': '連絡先を変更しました。',
  'my.profile.unchanged': '変更はありませんでした。',

  // Children
  'my.children.title': 'お子さんの情報',
  'my.children.lead':
    '預けるお子さんの情報です。アレルギーなど健康に関する情報は、センター職員と担当の提供会員だけが見ます。',
  'my.children.none': '登録されているお子さんはいません。',
  'my.children.add': 'お子さんを追加する',
  'my.children.edit': '変更する',
  'my.children.age': '{years}歳{months}か月',
  'my.children.empty': '未登録',
  'my.child.newTitle': 'お子さんの追加',
  'my.child.editTitle': '{name}さんの情報の変更',
  'my.child.submitNew': '追加する',
  'my.child.submitEdit': '変更を保存する',
  'my.child.added': '{name}さんを追加しました。',
  'my.child.updated': '{name}さんの情報を変更しました。',
  'my.child.consentGiven': '健康情報の取り扱いに同意済みです（{version}版、{date}）。',
  'my.child.consentRequired':
    'アレルギーや健康に関する情報を登録するには、取り扱いへの同意にチェックしてください。',

  // Contacts and pickups
  'my.contacts.title': '緊急連絡先・お迎えできる人',
  'my.contacts.emergencyTitle': '緊急連絡先',
  'my.contacts.emergencyLead':
    'ご本人と連絡がとれないときに、センターや提供会員が連絡します。依頼会員の方は2件以上必要です。',
  'my.contacts.pickupTitle': 'お迎えできる人',
  'my.contacts.pickupLead':
    '提供会員がお子さんを引き渡してよい、ご本人以外の方です。お迎えのときに、この中の方か確認します。',
  'my.contacts.none': 'まだ登録されていません。',
  'my.contacts.edit': '変更',
  'my.contacts.editOf': '（{name}さん）',
  'my.contacts.save': '変更を保存する',
  'my.contacts.updated': '{name}さんの連絡先を変更しました。',
  'my.contacts.remove': '削除',
  'my.contacts.removeLabel': '{name}さんを削除',
  'my.contacts.addEmergency': '緊急連絡先を追加する',
  'my.contacts.addPickup': 'お迎えできる人を追加する',
  'my.contacts.submit': '追加する',
  'my.contacts.keepTwo':
    '依頼会員の方は緊急連絡先が2件以上必要です。入れ替えるときは、先に新しい連絡先を追加してから削除してください。',
  'my.contacts.added': '{name}さんを追加しました。',
  'my.contacts.removed': '{name}さんを削除しました。',

  // Helper profile
  'my.helper.title': '提供会員の活動条件',
  'my.helper.lead': 'センターが援助をお願いするときの参考にします。いつでも変更できます。',
  'my.helper.areas': '活動できる地区',
  'my.helper.areasHint': '当てはまるものをすべて選んでください。',
  'my.helper.categories': 'お引き受けできる活動',
  'my.helper.categoriesHint': '当てはまるものをすべて選んでください。',
  'my.helper.ages': '預かれるお子さんの年齢',
  'my.helper.agesHint': '空欄の場合は制限なし。例：1歳0か月から6歳0か月まで',
  'my.helper.ageMin': '下限（この年齢から）',
  'my.helper.ageMax': '上限（この年齢まで）',
  'my.helper.years': '歳',
  'my.helper.months': 'か月',
  'my.helper.ageError': '歳は0〜12、か月は0〜11の数字で入力してください。',
  'my.helper.maxChildren': '一度に預かれる人数',
  'my.helper.maxChildrenOption': '{n}人まで',
  'my.helper.household': 'ご家庭の状況',
  'my.helper.householdHint':
    '保護者が安心して預けられるように、当てはまるものにチェックしてください。',
  'my.helper.hasPets': 'ペットを飼っている',
  'my.helper.smokerInHome': '家の中でたばこを吸う人がいる',
  'my.helper.preschoolersAtHome': '小学校入学前の子どもが家にいる',
  'my.helper.notes': 'そのほかお伝えしたいこと',
  'my.helper.notesHint': '例：小型犬を1匹室内で飼っています。',
  'my.helper.submit': '保存する',
  'my.helper.saved': '活動条件を保存しました。',

  // Orientations
  'my.orientations.title': '会員説明会',
  'my.orientations.lead':
    '依頼会員として利用を始めるには、会員説明会への出席が必要です。都合のよい日程を選んで申し込んでください。',
  'my.orientations.helperLead':
    '提供会員の方は、講習会の日程をセンターからご案内します。説明会にも参加できます。',
  'my.orientations.upcoming': 'これからの説明会',
  'my.orientations.none':
    '申し込める説明会は、いまはありません。日程が決まりしだいお知らせします。',
  'my.orientations.venue': '会場',
  'my.orientations.seats': '残り{left}席（定員{capacity}名）',
  'my.orientations.full': '満員です',
  'my.orientations.registered': '申し込み済みです',
  'my.orientations.register': 'この日程で申し込む',
  'my.orientations.done':
    '{date}の説明会に申し込みました。当日は本人確認書類（運転免許証など）をお持ちください。',
  'my.orientations.mine': 'あなたの申し込み',
  'my.orientations.attended': '出席しました',
  'my.orientations.absent': '欠席',
  'my.orientations.planned': '出席予定',
  'my.orientations.when': '日時',
  'my.orientations.state': '状況',

  // Withdrawal
  'my.withdraw.title': '退会の手続き',
  'my.withdraw.lead': '退会すると、次のようになります。',
  'my.withdraw.point1': 'すぐにログインできなくなります。',
  'my.withdraw.point2': '援助の申し込みや、援助のご依頼の受け付けはできなくなります。',
  'my.withdraw.point3':
    '登録内容は、報告や保険の手続きのために退会後{years}年間保存し、その後削除します（統計には個人が分からない形で残ります）。',
  'my.withdraw.point4': 'また利用するときは、あらためて申し込みが必要です。',
  'my.withdraw.point5': '予定している援助活動がある場合は、先にセンターにご連絡ください。',
  'my.withdraw.reason': '退会の理由',
  'my.withdraw.reasonHint': '差し支えなければお聞かせください（500文字まで）。',
  'my.withdraw.confirm': '上の内容を確認しました。退会します。',
  'my.withdraw.confirmRequired': '退会する場合は、確認のチェックを入れてください。',
  'my.withdraw.submit': '退会する',
  'my.withdraw.done': '退会の手続きが終わりました。これまでありがとうございました。',
} as const;

export type MemberPagesMessages = Record<keyof typeof memberPages, string>;
