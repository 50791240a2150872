import type { NotificationsMessages } from '../ja/notifications.js';

export const notifications: NotificationsMessages = {
  'nav.inbox': 'Notifications',
  'nav.inboxUnread': 'Notifications ({count} unread)',
  'inbox.title': 'Notifications',
  'inbox.lead': 'Messages from the center and about your care requests and schedule.',
  'inbox.empty': 'You have no notifications yet.',
  'inbox.unreadSummary': 'You have {count} unread notifications.',
  'inbox.allRead': 'You have no unread notifications.',
  'inbox.unread': 'Unread',
  'inbox.read': 'Read',
  'inbox.receivedAt': 'Received: ',
  'inbox.open': 'View details',
  'inbox.markRead': 'Mark as read',
  'inbox.markAllRead': 'Mark all as read',
  'inbox.markedRead': 'The notification was marked as read.',
  'inbox.markedAllRead': 'All notifications were marked as read.',
  'inbox.pagination': 'Pages',
  'inbox.previous': 'Previous page',
  'inbox.next': 'Next page',
  'inbox.pageOf': 'Page {page} of {pages}',
  'notification.email.subject': '[Tsunagu] {title}',
  'notification.email.openAt': 'For details, please see: {url}',
  'notification.email.openInApp': 'For details, please sign in to Tsunagu and open Notifications.',
  'notification.email.footer':
    'This email was sent automatically by Tsunagu (Midori City Family Support Center). Replies are not read. For questions, please call the center at 0120-000-000.',
  'notification.generic.title': 'You have a new notification',
  'notification.generic.body':
    'A new notification has arrived in Tsunagu. Please open Notifications to read it.',
  'notification.test.title': 'Test notification (for {name})',
  'notification.test.body': '{name}, this is a test notification. Number: {number}',
};
