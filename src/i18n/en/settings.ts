import type { SettingsMessages } from '../ja/settings.js';

export const settings: SettingsMessages = {
  'settings.nav': 'Center settings',
  'settings.homeAction': 'Center settings (member-type names, areas, rules)',
  'settings.title': 'Center settings',
  'settings.lead':
    'Names and rules that differ from center to center. Changes apply as soon as they are saved, and every change is recorded.',
  'settings.contents': 'On this page',
  'settings.save': 'Save this section',
  'settings.saved': '“{section}” saved.',
  'settings.section.labels': 'Member-type names',
  'settings.section.areas': 'Areas',
  'settings.section.eligibility': 'Eligibility',
  'settings.section.retention': 'Keeping withdrawn members’ data',
  'settings.section.renewal': 'Annual renewal',
  'settings.section.consent': 'Consent document versions',
  'settings.section.requests': 'Requests and matching',
  'settings.section.reports': 'Activity reports',
  'settings.section.training': 'Training expiry notices',
  'settings.labels.lead':
    'The names shown on screens and documents for each member type (for example 協力会員 or まかせて会員). The system’s internal member types do not change.',
  'settings.labels.requester': 'Requester (member receiving help)',
  'settings.labels.helper': 'Helper (member giving help)',
  'settings.labels.both': 'Both (requester and helper)',
  'settings.labels.ja': 'Japanese name',
  'settings.labels.en': 'English name',
  'settings.areas.lead':
    'The districts members live in, and the districts helpers can choose to serve.',
  'settings.areas.field': 'Areas',
  'settings.areas.hint':
    'One area per line as “code,Japanese name,English name” (for example chuo,中央地区,Chuo). Codes use lowercase letters, digits and hyphens. Member records store the code, so do not change a code that is in use.',
  'settings.areas.lineFormat':
    'Enter three values separated by commas: code, Japanese name, English name.',
  'settings.areas.lineError': 'Line {line}: {message}',
  'settings.eligibility.lead': 'Who may become a member.',
  'settings.eligibility.requester': 'Requesters’ children',
  'settings.eligibility.helper': 'Helpers',
  'settings.eligibility.infant': 'Infant care',
  'settings.eligibility.requesterChildMinAgeDays': 'Youngest child age (days)',
  'settings.eligibility.requesterChildMinAgeDaysHint':
    'Children this many days old or older (0–730). The default is 57 days (end of maternity leave).',
  'settings.eligibility.requesterChildUntil': 'Oldest child',
  'settings.eligibility.until.end_of_preschool':
    'Until elementary school starts (March 31 after the 6th birthday)',
  'settings.eligibility.until.end_of_elementary':
    'Until the end of elementary school (March 31 after the 12th birthday)',
  'settings.eligibility.until.end_of_junior_high':
    'Until the end of junior high school (March 31 after the 15th birthday)',
  'settings.eligibility.helperMinAgeYears': 'Helper minimum age (years)',
  'settings.eligibility.helperMinAgeYearsHint': '16–99. The default is 20.',
  'settings.eligibility.infantMonths': 'Infant: younger than (months)',
  'settings.eligibility.infantMonthsHint': '0–36. The default is 6 months.',
  'settings.eligibility.infantMaxHours': 'Longest activity with an infant (hours)',
  'settings.eligibility.infantMaxHoursHint': '1–24. The default is 3 hours.',
  'settings.retention.lead':
    'A withdrawn member’s personal data is kept only as long as reports and insurance claims need it, then deleted or anonymised. Statistics remain.',
  'settings.retention.withdrawnMemberYears': 'Keep for (years after withdrawal)',
  'settings.retention.withdrawnMemberYearsHint': '1–30. The default is 5 years.',
  'settings.renewal.lead':
    'When members can start confirming their details for the coming fiscal year: how many months before April 1.',
  'settings.renewal.opensMonthsBefore': 'Opens (months before April 1)',
  'settings.renewal.opensMonthsBeforeHint': '1–6. The default is 2 months (February 1).',
  'settings.consent.lead':
    'The current versions of the documents members agree to. A new version means members are asked to agree again.',
  'settings.consent.termsVersion': 'Membership terms version',
  'settings.consent.healthDataVersion': 'Children’s health information consent version',
  'settings.consent.versionHint': 'Letters, digits, hyphens and dots (for example 2026-04).',
  'settings.requests.lead': 'Deadlines for requests, service hours and the rules for offers.',
  'settings.requests.leadTime': 'Deadlines',
  'settings.requests.hours': 'Service hours',
  'settings.requests.matching': 'Offers and proposals',
  'settings.requests.safety': 'Safety rules',
  'settings.requests.leadTimeCutoff': 'Cut-off time on the day before',
  'settings.requests.leadTimeCutoffHint':
    'A request must arrive by this time on the day before the activity (for example 17:00).',
  'settings.requests.firstRequestLeadDays': 'First request: days in advance',
  'settings.requests.firstRequestLeadDaysHint':
    'A first-time requester asks this many days ahead, to allow for the introduction and pre-meeting (0–90).',
  'settings.requests.serviceStart': 'From',
  'settings.requests.serviceEnd': 'Until',
  'settings.requests.serviceHint':
    'Activities take place within these hours (for example 6:00–22:00).',
  'settings.requests.offerExpiryHours': 'Offers close after (hours)',
  'settings.requests.offerExpiryHoursHint':
    'An offer the helper has not answered closes after this many hours (1–168).',
  'settings.requests.plannerMaxPerDay': 'Most activities proposed to one helper per day',
  'settings.requests.plannerMaxPerDayHint': '1–20.',
  'settings.requests.maxSiblings': 'Most children in one activity',
  'settings.requests.maxSiblingsHint': 'Siblings of one household only (1–5). The default is 2.',
  'settings.requests.carTransportAllowed': 'Transport by car',
  'settings.requests.car.no': 'Not allowed',
  'settings.requests.car.yes': 'Allowed',
  'settings.requests.handoverTo': 'Who the child is handed back to',
  'settings.reports.lead': 'When helpers must hand in their activity reports.',
  'settings.reports.activityReportDueDay': 'Activity reports due on day (of the next month)',
  'settings.reports.activityReportDueDayHint':
    'Reports are due by this day of the month after the activity (1–28).',
  'settings.reports.activityStartWindowMinutes':
    'Activity start: minutes allowed around the planned start',
  'settings.reports.activityStartWindowMinutesHint':
    'A report must start on the day of the request, or within this many minutes of its planned start.',
  'settings.training.lead': 'Helpers are told before a qualification such as CPR training expires.',
  'settings.training.expiryNoticeDays': 'Notify (days before expiry)',
  'settings.training.expiryNoticeDaysHint':
    'Up to 5 numbers of days from 1 to 365, separated by commas (for example 60,30). Leave empty for no notices.',
  'settings.error.wholeNumber': 'Enter a whole number within the range.',
  'settings.error.time': 'Enter a time such as 17:00.',
  'settings.error.serviceHours': 'The end time must be after the start time.',
  'settings.error.areaCode':
    'Use lowercase letters, digits and hyphens for the code (for example midorigaoka).',
  'settings.error.areaDuplicate': 'Two or more areas have the same code.',
  'settings.error.areasEmpty': 'Enter at least one area.',
  'settings.error.version': 'Use letters, digits, hyphens and dots (for example 2026-04).',
  'settings.error.noticeDays':
    'Enter up to 5 different numbers of days from 1 to 365, separated by commas.',
};
