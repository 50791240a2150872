import { formatDate, tokyoTimeOf } from '../../../src/lib/dates.js';
import type { Translator } from '../../../src/lib/i18n.js';
import type { Locale } from '../../../db/schema.js';

/** A 説明会 session as the staff pages list it (registered: a count the database may give as text). */
export interface OrientationSession {
  id: string;
  starts_at: string;
  ends_at: string;
  venue: string;
  capacity: number;
  registered: number | string | null;
}

/** "2026年12月5日(土) 10:00〜11:30": when a session runs, in Tokyo time. */
export function sessionWhen(
  t: Translator,
  locale: Locale,
  session: { starts_at: string; ends_at: string },
): string {
  return t('orientationAdmin.timeRange', {
    date: formatDate(session.starts_at, locale),
    start: tokyoTimeOf(session.starts_at),
    end: tokyoTimeOf(session.ends_at),
  });
}

/** Attended, absent or not yet recorded: always in words. */
export function attendanceText(t: Translator, attended: 0 | 1 | null): string {
  return attended === 1
    ? t('memberAdmin.attendance.attended')
    : attended === 0
      ? t('memberAdmin.attendance.absent')
      : t('memberAdmin.attendance.unrecorded');
}
