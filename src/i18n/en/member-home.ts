import type { memberHome as ja } from '../ja/member-home.js';

/** The member home page (what waits for me), the phone menu and the navigation's counts. */
export const memberHome: Record<keyof typeof ja, string> = {
  'home.menu': 'Menu',
  'home.menuWaiting': ' ({count} new or waiting)',
  'home.nav.waiting': '{label} ({count} waiting)',
  'home.offers.title': 'Offers waiting for your answer',
  'home.offers.none': 'No offers are waiting for your answer.',
  'home.offers.all': 'See all offers',
  'home.next.title': 'Your help today and next',
  'home.next.none': 'No help is planned.',
  'home.next.all': 'See all your planned help',
  'home.today': 'Today',
  'home.reports.title': 'Reports to write',
  'home.reports.none': 'No reports to write.',
  'home.reports.all': 'All activity reports',
  'home.confirm.title': 'Reports waiting for your confirmation',
  'home.confirm.none': 'No reports are waiting for your confirmation.',
  'home.confirm.check': 'Check the report',
  'home.confirm.all': 'All activities & statements',
  'home.help.title': 'Your next help',
  'home.help.none': 'No help is arranged yet.',
  'home.looking.title': 'Requests still looking for a helper',
  'home.requester.applied':
    'We have received your application. Once you attend an orientation and the center approves you, you can request help here.',
  'home.looking.none': 'No requests are looking for a helper.',
  'home.requests.all': 'See all your requests',
};
