/** Account lifecycle and recovery: staff accounts, forgot password, reset codes, text rules. */
export const accounts = {
  'validation.control_characters':
    '制御文字や文字の向きを変える特殊文字は使えません。入力し直してください。',
  'login.forgot': 'パスワードを忘れた方',
  'recovery.forgotTitle': 'パスワードの再設定',
  'recovery.forgotLead':
    '登録したメールアドレスを入力してください。再設定用のリンクをお送りします（15分間有効、1回のみ）。',
  'recovery.email': 'メールアドレス',
  'recovery.send': 'リンクを送る',
  'recovery.sent':
    '入力されたアドレスが登録されていれば、再設定用のリンクをお送りしました。メールをご確認ください。',
  'recovery.noEmail':
    'メールアドレスを登録していない方は、センターにお電話ください。再設定コードをお伝えします。',
  'recovery.codeLink': '再設定コードをお持ちの方',
  'recovery.resetTitle': '新しいパスワードの設定',
  'recovery.codeTitle': '再設定コードで新しいパスワードを設定',
  'recovery.code': '再設定コード',
  'recovery.submit': 'パスワードを設定する',
  'recovery.invalid':
    'このリンクまたはコードは使えません（期限切れか使用済みです）。もう一度お手続きください。',
  'recovery.done': 'パスワードを設定しました。新しいパスワードでログインしてください。',
  'recovery.mailSubject': '【つなぐ】パスワード再設定のご案内',
  'recovery.mailBody':
    '{name} 様\n\nパスワード再設定のお申し込みを受け付けました。次のリンクから15分以内に新しいパスワードを設定してください（1回のみ有効）。\n\n{link}\n\nお心当たりがない場合は、このメールを破棄してください。パスワードは変わりません。',
  'recovery.issueCode': '再設定コードを発行',
  'recovery.codeIssuedTitle': '再設定コード',
  'recovery.codeIssuedLead':
    'この画面でのみ表示します。ご本人に読み上げるか印刷してお渡しください。有効期限：{until}（1回のみ有効）',
  'recovery.codeHowTo':
    'ご本人は「再設定コードをお持ちの方」のページで、メールアドレスとこのコードを入力します。',
  'recovery.back': '戻る',
  'apply.tooMany':
    '申し込みが集中しています。1時間ほどおいてから、もう一度お試しいただくか、センターにお電話ください。',
  'staffAccounts.status': '状態',
  'staffAccounts.active': '有効',
  'staffAccounts.disabled': '無効',
  'staffAccounts.manage': '管理',
  'staffAccounts.detailTitle': '{name} さんのアカウント',
  'staffAccounts.disable': 'アカウントを無効にする',
  'staffAccounts.enable': 'アカウントを有効に戻す',
  'staffAccounts.disableHint': '無効にすると、すぐにログアウトされ、ログインもできなくなります。',
  'staffAccounts.changeRole': '役割を変更',
  'staffAccounts.lastAdmin':
    '最後の有効な管理者は無効にしたり、役割を変えたりできません。先に別の管理者を用意してください。',
  'staffAccounts.disabledNotice': '{name} さんのアカウントを無効にしました。',
  'staffAccounts.enabledNotice': '{name} さんのアカウントを有効に戻しました。',
  'staffAccounts.roleNotice': '{name} さんの役割を変更しました。',
} as const;
