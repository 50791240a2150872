/** 年度更新 (issue #19, point 3): the member's one-page confirmation and the staff follow-up. */
export const renewal = {
  'renewal.my.link': '年度更新（登録内容の確認）',
  'renewal.my.title': '{year}年度の年度更新',
  'renewal.my.lead':
    '{year}年度も安心して利用・活動できるよう、登録内容を確認して、{deadline}までにお答えください。変更があるときは「変更する」から直してから、このページに戻ってください。',
  'renewal.my.confirmed': '{at}に確認済みです。内容が変わったときは、もう一度お答えください。',
  'renewal.my.confirmedPaper':
    '{at}に、紙の届出で確認済みです（センターで記録）。内容が変わったときは、もう一度お答えください。',
  'renewal.my.contactTitle': '連絡先',
  'renewal.my.editContact': '変更する',
  'renewal.my.childrenTitle': 'お子さん',
  'renewal.my.editChildren': 'お子さんを変更',
  'renewal.my.child': '{name}（{birth}生）',
  'renewal.my.none': '登録がありません。',
  'renewal.my.contactsTitle': '緊急連絡先・お迎えの人',
  'renewal.my.editContacts': '連絡先を変更',
  'renewal.my.emergency': '緊急連絡先',
  'renewal.my.pickups': 'お迎えができる人',
  'renewal.my.answerTitle': '{year}年度の継続',
  'renewal.my.continueQuestion': '{side}を続けますか',
  'renewal.my.continueYes': '{side}を続けます',
  'renewal.my.continueNo': '{side}をやめます（年度末で終了）',
  'renewal.my.notContinuingHint':
    '「やめます」と答えた会員種別は、年度が替わる4月1日に終了します。これまでの記録は残ります。',
  'renewal.my.notContinuingHintLate':
    '年度の途中でやめるときは、センターが退会の手続きをします。センターからご連絡します。',
  'renewal.my.detailsChecked': '上の登録内容を確認し、今のものに直しました',
  'renewal.my.consent': '会則・利用規約（{version}版）に同意します',
  'renewal.my.consentHint': '会則・規約はセンターの窓口とホームページで読めます。',
  'renewal.my.submit': '確認して送る',
  'renewal.my.submitAgain': '答えを直して送る',
  'renewal.my.saved': '年度更新の確認を受け付けました。ありがとうございました。',

  'renewal.error.detailsChecked': '登録内容を確認したら、チェックを入れてください',
  'renewal.error.consent': '続けるには、会則・利用規約への同意が必要です',
  'renewal.error.answer': '続けるか、やめるかを選んでください',
  'rule.renewal_answer_missing': '会員種別ごとに、続けるかどうかを答えてください。',

  'renewal.staff.title': '年度更新の確認状況',
  'renewal.staff.heading': '年度更新の確認状況（{year}年度）',
  'renewal.staff.lead':
    '会員はマイページで{opens}から確認できます。締切は{deadline}です。「やめる」と答えた会員種別は4月1日に自動で終了します。未回答の会員は自動では退会にしません。',
  'renewal.staff.confirmed': '確認済み',
  'renewal.staff.notConfirmed': '未確認',
  'renewal.staff.notContinuing': '継続しない',
  'renewal.staff.remindLead':
    '未確認の{count}名に、お知らせ（メール・LINE）で確認をお願いします。同じ会員に送るのは1日1回までです。',
  'renewal.staff.remind': '未確認の{count}名にお知らせを送る',
  'renewal.staff.reminded': '{count}名に年度更新のお知らせを送りました。',
  'renewal.staff.listTitle': '会員ごとの状況',
  'renewal.staff.filter': '表示する会員',
  'renewal.staff.filterAll': 'すべて（{count}名）',
  'renewal.staff.filterPending': '未確認（{count}名）',
  'renewal.staff.empty': '該当する会員はいません。',
  'renewal.staff.status': '確認',
  'renewal.staff.action': '紙の届出',
  'renewal.staff.online': '{at} マイページで確認',
  'renewal.staff.byPaper': '{at} 紙の届出',
  'renewal.staff.continues': '継続',
  'renewal.staff.stops': '{sides}をやめる',
  'renewal.staff.notYet': '未確認',
  'renewal.staff.recordPaper': '紙の届出を記録',
  'renewal.staff.paperTitle': '{name}さんの年度更新（紙の届出）',
  'renewal.staff.paperLead':
    '{year}年度の年度更新届（紙）に書かれたとおりに記録します。登録内容の変更は、会員のページで先に直してください。',
  'renewal.staff.paperDetails': '届出で登録内容の確認が済んでいます',
  'renewal.staff.paperConsent': '届出に会則・利用規約（{version}版）への同意の署名があります',
  'renewal.staff.paperSubmit': '届出を記録する',
  'renewal.staff.paperSaved': '{name}さんの年度更新を記録しました。',
  'renewal.staff.back': '確認状況へ戻る',

  'notification.renewal_reminder.title': '{year}年度の年度更新をお願いします',
  'notification.renewal_reminder.body':
    'マイページの「年度更新」で、登録内容の確認と、{year}年度も続けるかどうかを{deadline}までにお答えください。',
} as const;

export type RenewalMessages = Record<keyof typeof renewal, string>;
