import type { ProgrammeMessages } from '../ja/programme.js';

export const programme: ProgrammeMessages = {
  'fees.band.programme_sick': 'sick-child care (daytime)',
  'fees.band.programme_emergency': 'emergency care (weekday daytime)',
  'fees.band.programme_holiday': 'emergency care (weekend, holiday or year-end daytime)',
  'fees.band.programme_early': 'early morning',
  'fees.band.programme_late': 'evening',
  'fees.band.programme_overnight': 'overnight',
  'fees.lineDated': '{child}, {band} {date} {from}–{to}',

  'settings.section.programme': 'Sick-child and emergency programme',
  'settings.programme.lead':
    'Care for sick or recovering children, and emergency care early in the morning, in the evening and overnight. When it is on, parents can choose sick-child or emergency care in a request. Its rates are in the fee tables (each with its valid-from date).',
  'settings.programme.enabled': 'Run the programme',
  'settings.programme.enabled.yes': 'Yes',
  'settings.programme.enabled.no': 'No',
  'settings.programme.hours': 'Programme hours',
  'settings.programme.hoursHint':
    'Without overnight care, programme care lies within these hours (the end may be 24:00).',
  'settings.programme.serviceStart': 'Start',
  'settings.programme.serviceEnd': 'End',
  'settings.programme.overnight': 'Overnight care (across midnight)',
  'settings.programme.overnight.yes': 'Allowed',
  'settings.programme.overnight.no': 'Not allowed',
  'settings.programme.maxHours': 'Longest single request (hours)',
  'settings.programme.maxHoursHint': '1–48. The default is 24 hours.',
  'settings.programme.partners': 'Partner medical institutions',
  'settings.programme.partnersHint': 'One per line: "name,phone,note" (the note may be left out).',
  'settings.programme.exclusions': 'Exclusion checklist',
  'settings.programme.exclusionsHint':
    'One question per line: "code,Japanese text,English text". Codes use lower-case letters, digits and hyphens. Any "yes" at request time or at handover stops the care.',
  'settings.programme.lineFormat': 'Wrong number of items: separate them with commas.',
  'settings.error.exclusionsEmpty': 'Enter at least one question.',
  'settings.error.itemDuplicate': 'Two lines have the same code.',

  'feeTables.programme': 'Sick-child and emergency programme rates (per hour, per child)',
  'feeTables.programmeBands': 'Programme time bands',
  'feeTables.programme.earlyStart': 'Early morning from',
  'feeTables.programme.dayStart': 'Daytime from',
  'feeTables.programme.lateStart': 'Evening from',
  'feeTables.programme.overnightStart': 'Overnight from',
  'feeTables.programme.bandsHint':
    'Early, daytime, evening and overnight, each later in the day than the one before. Overnight lasts until early morning the next day.',
  'feeTables.programme.sick': 'Sick-child care (daytime)',
  'feeTables.programme.emergency': 'Emergency care (weekday daytime)',
  'feeTables.programme.holiday': 'Emergency care (weekend, holiday or year-end daytime)',
  'feeTables.programme.early': 'Early morning',
  'feeTables.programme.late': 'Evening',
  'feeTables.programme.overnight': 'Overnight',
};
