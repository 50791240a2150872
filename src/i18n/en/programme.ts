import type { ProgrammeMessages } from '../ja/programme.js';

export const programme: ProgrammeMessages = {
  'fees.band.programme_sick': 'sick-child care (daytime)',
  'fees.band.programme_emergency': 'emergency care (weekday daytime)',
  'fees.band.programme_holiday': 'emergency care (weekend, holiday or year-end daytime)',
  'fees.band.programme_early': 'early morning',
  'fees.band.programme_late': 'evening',
  'fees.band.programme_overnight': 'overnight',
  'fees.lineDated': '{child}, {band} {date} {from}–{to}',

  'rule.programme_off': 'This center does not take sick-child or emergency programme requests.',
  'rule.programme_category':
    'Request care of a sick or recovering child as "sick-child", and early, late or overnight emergency care as "emergency".',
  'rule.programme_required':
    'Request care of a sick or recovering child in the sick-child and emergency programme ("sick-child").',
  'rule.programme_once':
    'Sick-child and emergency requests are made one at a time, not as a weekly series.',
  'rule.programme_hours':
    'Sick-child and emergency care takes place between {programmeStartEn} and {programmeEndEn} on the same day.',
  'rule.programme_max_hours':
    'Sick-child and emergency care lasts at most {programmeMaxHours} hours at a time.',
  'req.programme': 'Sick-child and emergency programme',
  'req.programme.none': 'Ordinary help',
  'req.programme.sick': 'Care of a sick or recovering child (sick-child)',
  'req.programme.emergency': 'Early, late or overnight emergency care (emergency)',
  'req.programme.hint':
    'Choosing sick-child or emergency sets the kind of help. For overnight care, enter the end date.',
  'req.endDate': 'End date (overnight)',
  'req.endDateHint': 'Only when the care ends on the next day, as overnight care does.',

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
