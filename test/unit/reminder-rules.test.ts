import { describe, expect, it } from 'vitest';
import { dayBeforeReminderWindow } from '../../src/modules/matching/reminder-rules.js';

describe('dayBeforeReminderWindow', () => {
  it('covers tomorrow (Tokyo) from 17:00 today, and nothing before', () => {
    expect(dayBeforeReminderWindow(new Date('2026-11-22T16:59:59+09:00'))).toBeUndefined();
    expect(dayBeforeReminderWindow(new Date('2026-11-22T17:00:00+09:00'))).toEqual({
      fromIso: '2026-11-22T15:00:00.000Z',
      untilIso: '2026-11-23T15:00:00.000Z',
    });
    // 23:59 Tokyo is still the day before, though UTC has the same date as the activity.
    expect(dayBeforeReminderWindow(new Date('2026-11-22T23:59:00+09:00'))?.fromIso).toBe(
      '2026-11-22T15:00:00.000Z',
    );
  });
  it('crosses months and years', () => {
    expect(dayBeforeReminderWindow(new Date('2026-12-31T18:00:00+09:00'))).toEqual({
      fromIso: '2026-12-31T15:00:00.000Z',
      untilIso: '2027-01-01T15:00:00.000Z',
    });
  });
});
