import type { Translator } from '../src/lib/i18n.js';
import type { Locale, Role } from '../db/schema.js';

/** What every page receives besides its own props: never the request or the database. */
export interface ViewContext {
  t: Translator;
  locale: Locale;
  user: { name: string; role: Role } | null;
  /** The current path with query, for the language switch to come back to. */
  path: string;
  notice?: string | undefined;
  /** Unread notifications, shown in the header next to お知らせ. */
  unreadCount?: number;
  /** The signed-in member's sides in use (helpers get 予定表 and 活動できる日時 in the menu). */
  memberSides?: {
    requester: boolean;
    helper: boolean;
    /** A side approved: news and the directory are in the menu (an applicant's are not). */
    membersContent: boolean;
  };
  /** What waits for the member (offers, reports to confirm or write): counts on the tabs. */
  waiting?: { offers: number; toConfirm: number; reportsDue: number };
}
