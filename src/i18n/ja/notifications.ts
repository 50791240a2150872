/**
 * Notifications: the inbox page, the header item, the mail wrapper, and the notification texts.
 *
 * A notification of kind K is rendered from `notification.K.title` and `notification.K.body`
 * with {param} placeholders filled from the `params` given to `notify`. A module that sends a new
 * kind adds both keys to its own dictionary pair (src/i18n/{ja,en}/<module>.ts); a kind with no
 * text falls back to `notification.generic.*`. These texts also go out by mail: keep health
 * details, addresses and other sensitive data out of them (link to the page instead).
 */
export const notifications = {
  'nav.inbox': 'お知らせ',
  'nav.inboxUnread': 'お知らせ（未読 {count} 件）',
  'inbox.title': 'お知らせ',
  'inbox.lead': 'センターからのお知らせと、援助の依頼・予定に関するお知らせです。',
  'inbox.empty': 'お知らせはまだありません。',
  'inbox.unreadSummary': '未読のお知らせが {count} 件あります。',
  'inbox.allRead': '未読のお知らせはありません。',
  'inbox.unread': '未読',
  'inbox.read': '既読',
  'inbox.receivedAt': '受信日時：',
  'inbox.open': '詳しく見る',
  'inbox.markRead': '既読にする',
  'inbox.markAllRead': 'すべて既読にする',
  'inbox.markedRead': 'お知らせを既読にしました。',
  'inbox.markedAllRead': 'すべてのお知らせを既読にしました。',
  'inbox.pagination': 'ページ送り',
  'inbox.previous': '前のページ',
  'inbox.next': '次のページ',
  'inbox.pageOf': '{page} / {pages} ページ',
  'notification.email.subject': '【つなぐ】{title}',
  'notification.email.openAt': '詳しくは、こちらからご確認ください：{url}',
  'notification.email.openInApp': '詳しくは、つなぐにログインして「お知らせ」をご確認ください。',
  'notification.email.footer':
    'このメールは「つなぐ」（みどり市ファミリー・サポート・センター）から自動で送信しています。返信はできません。お問い合わせはセンター（電話 0120-000-000）までお願いします。',
  'notification.generic.title': '新しいお知らせがあります',
  'notification.generic.body': 'つなぐに新しいお知らせが届きました。「お知らせ」をご確認ください。',
  'notification.test.title': 'テストのお知らせ（{name}さんへ）',
  'notification.test.body': '{name}さん、これはテスト用のお知らせです。番号：{number}',
} as const;

export type NotificationsMessages = Record<keyof typeof notifications, string>;
